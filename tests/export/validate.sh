#!/bin/sh
# Exports the bundled example to every target and checks each export with the
# platform's own tools; shows each tool rejecting a deliberately broken file, so that
# a validator that checks nothing cannot pass. Usage: validate.sh BUILD_DIR SOURCE_DIR
# The tools are installed by `scripts/setup.sh test` (npm packages in
# BUILD_DIR/export-tools, yamllint from Debian).
set -u
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
tools=$build/export-tools
out=$build/export-check
here=$source/tests/export
failed=0

pass() { echo "ok      $1"; }
fail() { echo "FAILED  $1"; failed=1; }
check() { name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
reject() {
    name=$1; shift
    if "$@" > "$out/logs/reject.log" 2>&1; then fail "$name accepted a broken file"; cat "$out/logs/reject.log"
    else pass "$name rejects a broken file"; fi
}

if [ ! -d "$tools/node_modules/cfn-lint" ] || [ ! -d "$tools/node_modules/serverless" ] \
   || [ ! -d "$tools/node_modules/@kubernetes-models/knative" ] || [ ! -d "$tools/node_modules/@cdktf/hcl2json" ] \
   || [ ! -d "$tools/node_modules/ajv" ] \
   || ! command -v yamllint > /dev/null; then
    echo "The validators are not installed; run scripts/setup.sh test." >&2
    exit 1
fi
cp "$here"/validators/* "$tools/"
rm -rf "$out"
mkdir -p "$out/home" "$out/logs"
export HOME="$out/home" SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off \
       AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

for target in sam serverless terraform knative openfaas azure cloudrun scaleway; do
    check "nimbus export --target $target" sh -c "'$build/bin/nimbus' export '$source/resources/examples/shop/shop.json' \
        --target '$target' -o '$out/$target' > /dev/null 2> '$out/logs/$target.diagnostics'"
done

# AWS SAM: cfn-lint (npm).
check "cfn-lint: SAM template.yaml" node "$tools/cfn-lint.cjs" "$out/sam/template.yaml"
check "cfn-lint: SAM template.yaml with state machines" sh -c "'$build/bin/nimbus' export '$here/data/workflow/workflow.json' \
    --target sam -o '$out/sam-workflow' > /dev/null 2>&1 && node '$tools/cfn-lint.cjs' '$out/sam-workflow/template.yaml'"
# Routes that start a state machine (API Gateway's StartExecution integration) in Terraform,
# a REST-payload route among them; serverless.yml's machines (the shop's route is checked below).
check "hcl2json: main.tf with state machines" sh -c "'$build/bin/nimbus' export '$here/data/workflow/workflow.json' \
    --target terraform -o '$out/terraform-workflow' > /dev/null 2>&1 && node '$tools/terraform.mjs' '$out/terraform-workflow' \
    aws_sfn_state_machine=2 aws_apigatewayv2_route=1 aws_apigatewayv2_integration=1 aws_pipes_pipe=1"
# A route that starts a machine in a service without functions: serverless.yml writes the HTTP
# API and its stage itself (the framework writes none), packaged and linted.
check "serverless package (a route starting a machine, no function)" sh -c "'$build/bin/nimbus' export \
    '$here/data/machine-route/machine-route.json' --target serverless -o '$out/machine-route' > /dev/null 2>&1 \
    && cd '$out/machine-route' && '$tools/node_modules/.bin/serverless' package > '$out/logs/machine-route-package.log' 2>&1 \
    && node '$tools/cfn-lint.cjs' '$out/machine-route/.serverless/cloudformation-template-update-stack.json'"
# Layers (AWS::Serverless::LayerVersion, serverless.yml layers, aws_lambda_layer_version).
layers="$here/data/layers/layers.json"
for target in sam serverless terraform; do
    check "nimbus export --target $target (layers)" sh -c "'$build/bin/nimbus' export '$layers' --target '$target' \
        -o '$out/layers-$target' > /dev/null 2> '$out/logs/layers-$target.diagnostics'"
done
check "cfn-lint: SAM template.yaml with layers" node "$tools/cfn-lint.cjs" "$out/layers-sam/template.yaml"
# (serverless package asks CloudFormation for the last layer's hash: print checks the
# file against the framework's schema offline, compatible runtimes included.)
check "serverless print: layers" sh -c "cd '$out/layers-serverless' && '$tools/node_modules/.bin/serverless' print \
    > '$out/logs/layers-serverless-print.yml'"
check "hcl2json: main.tf with layers" node "$tools/terraform.mjs" "$out/layers-terraform" \
    aws_lambda_layer_version=2 aws_lambda_function=2
# Serverless containers as ECS services on Fargate (SAM and Terraform's containers.tf).
containers="$here/data/containers/containers.json"
check "cfn-lint: SAM template.yaml with containers on Fargate" sh -c "'$build/bin/nimbus' export '$containers' \
    --target sam -o '$out/containers-sam' > /dev/null 2>&1 && node '$tools/cfn-lint.cjs' '$out/containers-sam/template.yaml'"
check "hcl2json: containers.tf" sh -c "'$build/bin/nimbus' export '$containers' --target terraform \
    -o '$out/containers-terraform' > /dev/null 2>&1 && node '$tools/terraform.mjs' '$out/containers-terraform' \
    aws_ecs_service=2 aws_ecs_task_definition=2 aws_apigatewayv2_vpc_link=1 aws_apigatewayv2_route=1 \
    aws_appautoscaling_policy=2 aws_service_discovery_service=2"
# Physical names, secondary indexes of both kinds, Time to Live, FIFO and versioning.
resources="$here/data/resources/resources.json"
check "cfn-lint: SAM template.yaml with named resources and indexes" sh -c "'$build/bin/nimbus' export '$resources' \
    --target sam -o '$out/resources-sam' > /dev/null 2>&1 && node '$tools/cfn-lint.cjs' '$out/resources-sam/template.yaml'"
check "serverless package: named resources and indexes" sh -c "'$build/bin/nimbus' export '$resources' \
    --target serverless -o '$out/resources-serverless' > /dev/null 2>&1 && cd '$out/resources-serverless' \
    && '$tools/node_modules/.bin/serverless' package > '$out/logs/resources-package.log' 2>&1 \
    && node '$tools/cfn-lint.cjs' '$out/resources-serverless/.serverless/cloudformation-template-update-stack.json'"
check "hcl2json: main.tf with named resources and indexes" sh -c "'$build/bin/nimbus' export '$resources' \
    --target terraform -o '$out/resources-terraform' > /dev/null 2>&1 && node '$tools/terraform.mjs' \
    '$out/resources-terraform' aws_dynamodb_table=1 aws_sqs_queue=6 aws_sns_topic=1 aws_s3_bucket=1 \
    aws_s3_bucket_versioning=1 aws_sns_topic_subscription=2 aws_sqs_queue_policy=1"
reject "cfn-lint" node "$tools/cfn-lint.cjs" "$here/broken/template.yaml"
reject "npx cfn-lint validate" sh -c "cd '$tools' && npx --no-install cfn-lint validate '$here/broken/template.yaml'"

# Serverless Framework v3: print and package offline, then its CloudFormation through cfn-lint.
sls="$tools/node_modules/.bin/serverless"
check "serverless print" sh -c "cd '$out/serverless' && '$sls' print --param='notifyCustomerMailApiKey=x' > '$out/logs/serverless-print.yml'"
check "serverless package" sh -c "cd '$out/serverless' && '$sls' package --param='notifyCustomerMailApiKey=x' > '$out/logs/serverless-package.log' 2>&1"
check "cfn-lint: CloudFormation from serverless package" \
    node "$tools/cfn-lint.cjs" "$out/serverless/.serverless/cloudformation-template-update-stack.json"
reject "serverless print" sh -c "cd '$here/broken/serverless' && '$sls' print"

# Knative (and Cloud Run's Knative services): @kubernetes-models/knative.
check "Knative models: knative.yaml" node "$tools/knative.mjs" "$out/knative/knative.yaml"
check "Knative models: Cloud Run services" sh -c "node '$tools/knative.mjs' '$out'/cloudrun/services/*.yaml"
reject "Knative models" node "$tools/knative.mjs" "$here/broken/knative.yaml"

# Terraform: @cdktf/hcl2json, and the resources the example needs.
check "hcl2json: main.tf, variables.tf" node "$tools/terraform.mjs" "$out/terraform" \
    aws_lambda_function=9 aws_iam_role=11 aws_iam_role_policy=9 aws_lambda_event_source_mapping=1 \
    aws_apigatewayv2_route=4 aws_apigatewayv2_integration=4 aws_cloudwatch_event_rule=2 aws_sns_topic_subscription=1 \
    aws_sfn_state_machine=1 aws_apigatewayv2_authorizer=1 aws_cognito_user_pool=1 aws_cognito_user_pool_client=1 \
    aws_s3_bucket_notification=1 aws_dynamodb_table=3 aws_sqs_queue=6 aws_s3_bucket=3 aws_cloudwatch_event_bus=1 \
    aws_cloudwatch_event_target=2 aws_sqs_queue_policy=1 aws_lambda_function_event_invoke_config=1
reject "hcl2json" node "$tools/terraform.mjs" "$here/broken/terraform"

# Infracost's usage file beside main.tf: the schema written from Infracost's usage file
# reference (ajv), and only addresses the .tf files declare (hcl2json).
check "Infracost usage file: schema and addresses" \
    node "$tools/infracost-usage.mjs" "$out/terraform/infracost-usage.yml" "$out/terraform"
reject "Infracost usage schema" node "$tools/infracost-usage.mjs" "$here/broken/infracost-usage.yml"

# Every YAML file: yamllint (Debian), relaxed.
lint="{extends: relaxed, rules: {line-length: disable}}"
check "yamllint: every exported YAML file" sh -c "find '$out' -path '*/.serverless' -prune -o -path '*/home' -prune -o -path '*/logs' -prune -o \
    \( -name '*.yaml' -o -name '*.yml' \) -type f -print | sort | xargs yamllint -s -d '$lint'"
reject "yamllint" yamllint -d "$lint" "$here/broken/stack.yml"

# Azure function.json and host.json are JSON; the eventarc script is shell.
check "JSON: Azure function.json, host.json" sh -c "find '$out/azure' -name '*.json' -exec python3 -m json.tool {} \; > /dev/null"
check "sh -n: eventarc.sh" sh -n "$out/cloudrun/eventarc.sh"

# A second design with what the example lacks: a REST route, a table stream, a FIFO
# queue, a disabled schedule, a bucket deletion filter, a function calling another,
# reserved concurrency, a secret. Azure refuses one of its functions (two triggers),
# which the export reports as an error: its exit status is 1 and the report is checked.
more="$source/tests/export/data/all-triggers/all-triggers.json"
for target in sam serverless terraform knative openfaas cloudrun scaleway; do
    check "nimbus export --target $target (all triggers)" sh -c "'$build/bin/nimbus' export '$more' \
        --target '$target' -o '$out/more/$target' > /dev/null 2> '$out/logs/more-$target.diagnostics'"
done
"$build/bin/nimbus" export "$more" --target azure -o "$out/more/azure" > /dev/null 2> "$out/logs/more-azure.diagnostics"
check "nimbus export --target azure (all triggers) reports the function with two triggers" \
    sh -c "[ $? = 1 ] && grep -q 'exactly one trigger' '$out/logs/more-azure.diagnostics'"
check "cfn-lint: SAM template.yaml (all triggers)" node "$tools/cfn-lint.cjs" "$out/more/sam/template.yaml"
check "serverless package (all triggers)" sh -c "cd '$out/more/serverless' && '$sls' package --param='workerDbPassword=x' > '$out/logs/more-package.log' 2>&1"
check "cfn-lint: CloudFormation from serverless package (all triggers)" \
    node "$tools/cfn-lint.cjs" "$out/more/serverless/.serverless/cloudformation-template-update-stack.json"
check "Knative models (all triggers)" sh -c "node '$tools/knative.mjs' '$out/more/knative/knative.yaml' '$out'/more/cloudrun/services/*.yaml"
check "hcl2json (all triggers)" node "$tools/terraform.mjs" "$out/more/terraform" \
    aws_lambda_function=4 aws_lambda_event_source_mapping=2 aws_apigatewayv2_route=1 aws_cloudwatch_event_rule=1 \
    aws_s3_bucket_notification=1 aws_dynamodb_table=1
check "Infracost usage file (all triggers)" \
    node "$tools/infracost-usage.mjs" "$out/more/terraform/infracost-usage.yml" "$out/more/terraform"
reject "Infracost usage addresses" \
    node "$tools/infracost-usage.mjs" "$out/more/terraform/infracost-usage.yml" "$out/terraform"
check "yamllint (all triggers)" sh -c "find '$out/more' -path '*/.serverless' -prune -o \( -name '*.yaml' -o -name '*.yml' \) -type f -print \
    | sort | xargs yamllint -s -d '$lint'"
# A third design with event buses, rules of every target kind and input mode, filtered and
# batched queue and stream triggers, asynchronous destinations, FIFO queues and topics.
events="$source/tests/export/data/events/events.json"
for target in sam serverless; do
    check "nimbus export --target $target (events)" sh -c "'$build/bin/nimbus' export '$events' \
        --target '$target' -o '$out/events/$target' > /dev/null 2> '$out/logs/events-$target.diagnostics'"
done
check "cfn-lint: SAM template.yaml (events)" node "$tools/cfn-lint.cjs" "$out/events/sam/template.yaml"
check "serverless package (events)" sh -c "cd '$out/events/serverless' && '$sls' package > '$out/logs/events-package.log' 2>&1"
check "cfn-lint: CloudFormation from serverless package (events)" \
    node "$tools/cfn-lint.cjs" "$out/events/serverless/.serverless/cloudformation-template-update-stack.json"
check "yamllint (events)" sh -c "find '$out/events' -path '*/.serverless' -prune -o \( -name '*.yaml' -o -name '*.yml' \) -type f -print \
    | sort | xargs yamllint -s -d '$lint'"

# The same design for the other targets: Terraform's buses, rules, targets and the policies
# that let EventBridge deliver; Knative's Brokers and Triggers with filters; Cloud Run's
# channels and Eventarc triggers. Azure refuses a function with two triggers, as above.
for target in terraform knative openfaas cloudrun scaleway; do
    check "nimbus export --target $target (events)" sh -c "'$build/bin/nimbus' export '$events' \
        --target '$target' -o '$out/events/$target' > /dev/null 2> '$out/logs/events-$target.diagnostics'"
done
"$build/bin/nimbus" export "$events" --target azure -o "$out/events/azure" > /dev/null 2> "$out/logs/events-azure.diagnostics"
check "nimbus export --target azure (events) reports the function with two triggers" \
    sh -c "[ $? = 1 ] && grep -q 'exactly one trigger' '$out/logs/events-azure.diagnostics'"
check "hcl2json (events)" node "$tools/terraform.mjs" "$out/events/terraform" \
    aws_cloudwatch_event_bus=1 aws_cloudwatch_event_rule=5 aws_cloudwatch_event_target=5 aws_lambda_permission=3 \
    aws_sqs_queue_policy=2 aws_sns_topic_policy=1 aws_lambda_function_event_invoke_config=3 \
    aws_lambda_event_source_mapping=3 aws_iam_role=7 aws_sqs_queue=8 aws_sns_topic=3
check "Infracost usage file (events)" \
    node "$tools/infracost-usage.mjs" "$out/events/terraform/infracost-usage.yml" "$out/events/terraform"
check "Knative models (events)" sh -c "node '$tools/knative.mjs' '$out/events/knative/knative.yaml' '$out'/events/cloudrun/services/*.yaml"
reject "Knative Trigger filters" node "$tools/knative.mjs" "$here/broken/knative-filters.yaml"
check "sh -n: eventarc.sh (events)" sh -n "$out/events/cloudrun/eventarc.sh"
check "yamllint (events: Knative, Cloud Run, OpenFaaS, Scaleway)" sh -c "find '$out/events/knative' '$out/events/cloudrun' \
    '$out/events/openfaas' '$out/events/scaleway' \( -name '*.yaml' -o -name '*.yml' \) -type f -print \
    | sort | xargs yamllint -s -d '$lint'"

check "no secret value in any export" sh -c "! grep -r -l -e 'replace-me' -e 'hunter2-secret' '$out' --exclude-dir=logs --exclude-dir=home"

[ "$failed" = 0 ] && echo "All exports pass their validators." || echo "Some validators failed."
exit "$failed"

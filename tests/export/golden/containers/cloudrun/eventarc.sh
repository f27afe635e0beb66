#!/bin/sh
# Eventarc triggers and Cloud Scheduler jobs of nimbus-project, exported by Nimbus Studio.
# Deploy the services first (gcloud run services replace services/<name>.yaml --region=REGION),
# then run this script with the project and the service account that may invoke them:
#   PROJECT=my-project SERVICE_ACCOUNT=invoker@my-project.iam.gserviceaccount.com sh eventarc.sh
set -eu
: "${PROJECT:?set PROJECT to the Google Cloud project}"
: "${SERVICE_ACCOUNT:?set SERVICE_ACCOUNT to the invoker service account}"
REGION=${REGION:-us-central1}

# jobs invokes worker
gcloud eventarc triggers create jobs-worker --location="$REGION" \
    --destination-run-service=worker --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.pubsub.topic.v1.messagePublished" \
    --transport-topic="projects/${PROJECT}/topics/jobs" \
    --service-account="$SERVICE_ACCOUNT"

# nightly runs worker (cron(0 2 * * ? *))
URL=$(gcloud run services describe worker --region="$REGION" --format='value(status.url)')
gcloud scheduler jobs create http nightly-worker --location="$REGION" --schedule='0 2 * * *' --time-zone=UTC \
    --uri="$URL" --http-method=POST --oidc-service-account-email="$SERVICE_ACCOUNT"


#!/bin/sh
# Eventarc triggers and Cloud Scheduler jobs of events, exported by Nimbus Studio.
# Deploy the services first (gcloud run services replace services/<name>.yaml --region=REGION),
# then run this script with the project and the service account that may invoke them:
#   PROJECT=my-project SERVICE_ACCOUNT=invoker@my-project.iam.gserviceaccount.com sh eventarc.sh
set -eu
: "${PROJECT:?set PROJECT to the Google Cloud project}"
: "${SERVICE_ACCOUNT:?set SERVICE_ACCOUNT to the invoker service account}"
REGION=${REGION:-us-central1}

# audit invokes auditor
gcloud eventarc triggers create audit-auditor --location="$REGION" \
    --destination-run-service=auditor --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.pubsub.topic.v1.messagePublished" \
    --transport-topic="projects/${PROJECT}/topics/audit" \
    --service-account="$SERVICE_ACCOUNT"

# orders invokes onOrderChange
gcloud eventarc triggers create orders-on-order-change --location="$REGION" \
    --destination-run-service=on-order-change --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.firestore.document.v1.written" \
    --event-filters="database=(default)" \
    --event-filters-path-pattern="document=orders/{id}" \
    --service-account="$SERVICE_ACCOUNT"

# jobs invokes worker
gcloud eventarc triggers create jobs-worker --location="$REGION" \
    --destination-run-service=worker --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.pubsub.topic.v1.messagePublished" \
    --transport-topic="projects/${PROJECT}/topics/jobs" \
    --service-account="$SERVICE_ACCOUNT"

# uploads invokes worker
gcloud eventarc triggers create uploads-worker --location="$REGION" \
    --destination-run-service=worker --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.storage.object.v1.finalized" \
    --event-filters="bucket=${PROJECT}-uploads" \
    --service-account="$SERVICE_ACCOUNT"

# default-bus: the bus's events are custom events on this channel
gcloud eventarc channels create default --location="$REGION"

# orders-bus: the bus's events are custom events on this channel
gcloud eventarc channels create orders --location="$REGION"

# big-orders routes OrderPlaced events from orders-bus to reviewOrder
gcloud eventarc triggers create big-orders-review-order --location="$REGION" \
    --destination-run-service=review-order --destination-run-region="$REGION" \
    --channel=orders \
    --event-filters='type=OrderPlaced' \
    --event-filters='source=shop.orders' \
    --service-account="$SERVICE_ACCOUNT"


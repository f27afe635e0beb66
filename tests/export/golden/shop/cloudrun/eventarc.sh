#!/bin/sh
# Eventarc triggers and Cloud Scheduler jobs of shop, exported by Nimbus Studio.
# Deploy the services first (gcloud run services replace services/<name>.yaml --region=REGION),
# then run this script with the project and the service account that may invoke them:
#   PROJECT=my-project SERVICE_ACCOUNT=invoker@my-project.iam.gserviceaccount.com sh eventarc.sh
set -eu
: "${PROJECT:?set PROJECT to the Google Cloud project}"
: "${SERVICE_ACCOUNT:?set SERVICE_ACCOUNT to the invoker service account}"
REGION=${REGION:-us-central1}

# nightly runs dailyReport (cron(0 2 * * ? *))
URL=$(gcloud run services describe daily-report --region="$REGION" --format='value(status.url)')
gcloud scheduler jobs create http nightly-daily-report --location="$REGION" --schedule='0 2 * * *' --time-zone=UTC \
    --uri="$URL" --http-method=POST --oidc-service-account-email="$SERVICE_ACCOUNT"

# images invokes describeImage
gcloud eventarc triggers create images-describe-image --location="$REGION" \
    --destination-run-service=describe-image --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.storage.object.v1.finalized" \
    --event-filters="bucket=${PROJECT}-images" \
    --service-account="$SERVICE_ACCOUNT"

# order-events invokes notifyCustomer
gcloud eventarc triggers create order-events-notify-customer --location="$REGION" \
    --destination-run-service=notify-customer --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.pubsub.topic.v1.messagePublished" \
    --transport-topic="projects/${PROJECT}/topics/order-events" \
    --service-account="$SERVICE_ACCOUNT"

# orders-queue invokes processOrder
gcloud eventarc triggers create orders-queue-process-order --location="$REGION" \
    --destination-run-service=process-order --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.pubsub.topic.v1.messagePublished" \
    --transport-topic="projects/${PROJECT}/topics/orders-queue" \
    --service-account="$SERVICE_ACCOUNT"

# shop-events: the bus's events are custom events on this channel
gcloud eventarc channels create shop-events --location="$REGION"


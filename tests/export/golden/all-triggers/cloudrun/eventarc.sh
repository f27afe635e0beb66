#!/bin/sh
# Eventarc triggers and Cloud Scheduler jobs of all-triggers, exported by Nimbus Studio.
# Deploy the services first (gcloud run services replace services/<name>.yaml --region=REGION),
# then run this script with the project and the service account that may invoke them:
#   PROJECT=my-project SERVICE_ACCOUNT=invoker@my-project.iam.gserviceaccount.com sh eventarc.sh
set -eu
: "${PROJECT:?set PROJECT to the Google Cloud project}"
: "${SERVICE_ACCOUNT:?set SERVICE_ACCOUNT to the invoker service account}"
REGION=${REGION:-us-central1}

# hourly runs fanout (rate(1 hour))
URL=$(gcloud run services describe fanout --region="$REGION" --format='value(status.url)')
gcloud scheduler jobs create http hourly-fanout --location="$REGION" --schedule='0 * * * *' --time-zone=UTC \
    --uri="$URL" --http-method=POST --oidc-service-account-email="$SERVICE_ACCOUNT"
gcloud scheduler jobs pause hourly-fanout --location="$REGION"

# accounts invokes onChange
gcloud eventarc triggers create accounts-on-change --location="$REGION" \
    --destination-run-service=on-change --destination-run-region="$REGION" \
    --event-filters="type=google.cloud.firestore.document.v1.written" \
    --event-filters="database=(default)" \
    --event-filters-path-pattern="document=accounts/{id}" \
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
    --event-filters="type=google.cloud.storage.object.v1.deleted" \
    --event-filters="bucket=${PROJECT}-uploads" \
    --service-account="$SERVICE_ACCOUNT"


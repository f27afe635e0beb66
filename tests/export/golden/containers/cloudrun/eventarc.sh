#!/bin/sh
# Eventarc triggers and Cloud Scheduler jobs of nimbus-project, exported by Nimbus Studio.
# Deploy the services first (gcloud run services replace services/<name>.yaml --region=REGION),
# then run this script with the project and the service account that may invoke them:
#   PROJECT=my-project SERVICE_ACCOUNT=invoker@my-project.iam.gserviceaccount.com sh eventarc.sh
set -eu
: "${PROJECT:?set PROJECT to the Google Cloud project}"
: "${SERVICE_ACCOUNT:?set SERVICE_ACCOUNT to the invoker service account}"
REGION=${REGION:-us-central1}


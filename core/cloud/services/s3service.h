#pragma once

#include "awsservice.h"

#include <QHash>
#include <QList>
#include <QPair>

namespace Nimbus {

// S3 on REST with XML answers, path-style and virtual-hosted-style: the design's buckets,
// their objects (one-request uploads, copies, ranges) and listings. It takes the REST
// requests no other service claims.
class S3Service : public AwsService
{
public:
    explicit S3Service(AwsEndpoint &endpoint);

    void handle(const AwsRequest &request, const AwsReply &done) override;

private:
    struct Call
    {
        const AwsRequest &request;
        QString bucket;
        QString key;
        QList<QPair<QString, QString>> query;
    };
    using Function = HttpResponseData (S3Service::*)(const Call &call);

    // The operation a request names by its method, path and query, or an error answer.
    QString operationOf(const Call &call, HttpResponseData *refusal) const;

    HttpResponseData listBuckets(const Call &call);
    HttpResponseData headBucket(const Call &call);
    HttpResponseData deleteObjects(const Call &call);
    HttpResponseData listObjects(const Call &call);
    HttpResponseData copyObject(const Call &call);
    HttpResponseData putObject(const Call &call);
    HttpResponseData deleteObject(const Call &call);
    HttpResponseData getObject(const Call &call);

    QHash<QString, Function> mOperations;
};

} // namespace Nimbus

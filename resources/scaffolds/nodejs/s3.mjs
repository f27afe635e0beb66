// {{function}}: reacts to objects written to a bucket.
export const {{handler}} = async (event, context) => {
    for (const record of event.Records) {
        const bucket = record.s3.bucket.name;
        const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, " "));
        console.log(`${record.eventName}: s3://${bucket}/${key} (${record.s3.object.size} bytes)`);
    }
};

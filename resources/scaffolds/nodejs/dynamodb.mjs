// {{function}}: reads the changes of a table's stream.
export const {{handler}} = async (event, context) => {
    for (const record of event.Records) {
        const { Keys, NewImage, OldImage } = record.dynamodb;
        console.log(record.eventName, JSON.stringify(Keys), JSON.stringify(NewImage ?? OldImage ?? {}));
    }
    return { batchItemFailures: [] };
};

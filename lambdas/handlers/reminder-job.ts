// Placeholder written by the infrastructure work so that the CDK app synthesises;
// the lead replaces it with the real reminder job (event `{ daysBeforeClose: number }`).
export const handler = async (_event: { daysBeforeClose: number }) => {
  throw new Error('not implemented');
};

// Node 20 is a supported local runtime (README, "Node.js"; the Lambdas run 22), so the AWS SDK's
// notice that its 2027 releases will need Node 22 is not something a newcomer running
// `npm start` can act on. Imported first by main.ts: the SDK reads this when its first client
// is built, which happens while the stack's modules load.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

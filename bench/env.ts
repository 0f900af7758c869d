// Imported first by bench/run.ts: the handlers read these when their modules load.
// Handler logs at WARN, as in the test suite (vitest.config.ts): per-request INFO lines
// would flood the bench's own output. The SDK's Node-version notice is printed once per
// client, which would otherwise land inside the load-time figures.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export {};

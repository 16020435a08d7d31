// Types of the `iqtech` package. Everything is generated: napi's declarations of the addon's
// classes, completed by scripts/build.mjs with the declarations iqtech-node-codegen writes from
// the core's tables (methods, options, settings, error classes) and ts-rs derives (models).
export * from './native'

export * from "./audit.js";
export * from "./business-case.js";
export * from "./casework.js";
export * from "./contracts.js";
export * from "./identity.js";
export * from "./progression.js";
export * from "./tenancy.js";

/**
 * Property tests run with a fixed seed, so a CI run is reproducible; set
 * PROPERTY_SEED=random (or a number) to explore further locally.
 */
import fc from "fast-check";

const env = process.env.PROPERTY_SEED;
if (env !== "random") fc.configureGlobal({ seed: env ? Number(env) : 20261122 });

import { type Config, ConfigError, loadConfig } from './config.ts'

let loaded: Config | null = null

/**
 * This process's configuration, from its environment: the only read of `process.env` in motcua.
 * A wrong value stops the process with every problem listed and exit code 2, before any work starts.
 */
export function processConfig(): Config {
  if (loaded) return loaded
  try {
    loaded = loadConfig(process.env)
    return loaded
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`motcua: ${error.message}`)
    process.exit(2)
  }
}

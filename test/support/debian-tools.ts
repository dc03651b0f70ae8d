import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

/**
 * The Debian programs some tests check our output with (style.md §12: a PDF signature by pdfsig, an XML
 * signature by xmlsec1, a page by a real browser), and the package that installs each. `.ci/run` installs them.
 */
const packageOf = {
  pdfsig: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  chromium: 'chromium',
  xmlsec1: 'xmlsec1',
} as const
export type DebianTool = keyof typeof packageOf

/** The reason every tool-skipped test prints; `.ci/run` refuses any skip that carries it. */
export const missingToolReason = 'needs a Debian tool'

/** Where `name` is on PATH, or null. */
export function toolPath(name: DebianTool): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {}
  }
  return null
}

/**
 * The `skip` option of a test that runs `tools`: false when all are installed, otherwise one reason naming
 * what to install. With MOTCUA_REQUIRE_TOOLS=1 (CI) a missing tool throws instead, so the file fails
 * rather than passing with its checks left out.
 */
export function requireTools(...tools: DebianTool[]): false | string {
  const missing = tools.filter((tool) => toolPath(tool) === null)
  if (missing.length === 0) return false
  const packages = [...new Set(missing.map((tool) => packageOf[tool]))].join(' ')
  const reason = `${missingToolReason}: ${missing.join(', ')} not on PATH (apt-get install -y ${packages})`
  if (process.env.MOTCUA_REQUIRE_TOOLS === '1') throw new Error(`MOTCUA_REQUIRE_TOOLS=1 but ${reason}`)
  return reason
}

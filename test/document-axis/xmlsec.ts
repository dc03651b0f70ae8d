import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Verifies an XML signature with xmlsec1 (libxmlsec1, Debian package `xmlsec1`), the reference
 * XMLDSig implementation — not our signer's library — trusting only the CA given. xmldsigjs cannot
 * check these packages: its enveloped-signature transform removes only a Signature that is a direct
 * child of the signed element, and edXML places it in edXMLHeader (rules.md "Document exchange").
 */
export async function xmlsecVerifies(xml: string, trustedCaPem: string): Promise<{ valid: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-xmlsec-'))
  try {
    await writeFile(join(dir, 'package.xml'), xml)
    await writeFile(join(dir, 'ca.pem'), trustedCaPem)
    const { stderr } = await run('xmlsec1', [
      '--verify',
      '--trusted-pem',
      join(dir, 'ca.pem'),
      join(dir, 'package.xml'),
    ])
    return { valid: true, output: stderr }
  } catch (error) {
    const e = error as { code?: unknown; stderr?: string }
    if (e.code === 'ENOENT') throw new Error('xmlsec1 is not installed: apt-get install -y xmlsec1')
    return { valid: false, output: e.stderr ?? String(error) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

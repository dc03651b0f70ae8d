// Interim search page of the citizen portal (the React portal replaces it, issue 7).
const state = { lang: localStorage.getItem('lang') === 'en' ? 'en' : 'vi', messages: {} }

const t = (key, vars = {}) => (state.messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''))

async function loadLanguage(lang) {
  state.lang = lang
  state.messages = await (await fetch(`/i18n/${lang}.json`)).json()
  document.documentElement.lang = lang
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n)
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder)
  const button = document.getElementById('lang')
  button.textContent = t('lang.switch')
  button.setAttribute('aria-label', t('lang.switchLabel'))
  document.title = `${t('app.name')} — Khánh Hòa`
}

function render(page) {
  const list = document.getElementById('results')
  list.replaceChildren(
    ...page.items.map((p) => {
      const item = document.createElement('li')
      const name = document.createElement('strong')
      name.textContent = p.name
      const meta = document.createElement('div')
      meta.className = 'meta'
      const limit = t(`limit.${p.timeLimit.unit}`, { value: p.timeLimit.value })
      meta.textContent = [p.code, p.fieldName, t(`online.${p.onlineLevel}`), limit].join(' · ')
      item.append(name, meta)
      return item
    }),
  )
  document.getElementById('status').textContent = page.total
    ? t('search.count', { total: page.total })
    : t('search.none')
}

async function search(q) {
  const status = document.getElementById('status')
  status.textContent = t('search.loading')
  try {
    const res = await fetch(`/api/procedures?${new URLSearchParams(q ? { q } : {})}`)
    if (!res.ok) throw new Error(String(res.status))
    render(await res.json())
  } catch {
    status.textContent = t('search.error')
  }
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault()
  search(document.getElementById('q').value.trim())
})
document.getElementById('lang').addEventListener('click', async () => {
  const next = state.lang === 'vi' ? 'en' : 'vi'
  localStorage.setItem('lang', next)
  await loadLanguage(next)
  search(document.getElementById('q').value.trim())
})

function showPage() {
  const page = { '/tra-cuu': 'track', '/xac-thuc': 'verify' }[location.pathname] ?? 'search'
  for (const id of ['search', 'track', 'verify']) document.getElementById(`page-${id}`).hidden = id !== page
  if (page === 'track') document.getElementById('code').value = new URLSearchParams(location.search).get('ma') ?? ''
  return page
}

document.getElementById('track').addEventListener('submit', async (event) => {
  event.preventDefault()
  const out = document.getElementById('track-result')
  const res = await fetch('/api/lookup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: document.getElementById('code').value.trim(),
      verifier: document.getElementById('verifier').value.trim(),
    }),
  })
  if (!res.ok) {
    out.textContent = t('track.notFound')
    return
  }
  const d = await res.json()
  out.textContent = t('track.found', {
    code: d.code,
    status: t(`status.${d.status}`),
    appointment: d.appointmentAt
      ? new Date(d.appointmentAt).toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-GB', {
          timeZone: 'Asia/Ho_Chi_Minh',
        })
      : t('track.noAppointment'),
  })
})

document.getElementById('verify').addEventListener('submit', async (event) => {
  event.preventDefault()
  const out = document.getElementById('verify-result')
  const file = document.getElementById('document').files[0]
  if (!file) return
  const res = await fetch('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: file })
  const r = res.ok ? await res.json() : { signed: false, valid: false }
  const lines = [
    !r.signed
      ? t('verify.unsigned')
      : r.valid
        ? t('verify.valid', { signer: r.signerName, at: r.signedAt })
        : t('verify.invalid'),
  ]
  if (r.dossier) lines.push(t('verify.dossier', { code: r.dossier.code }))
  out.textContent = lines.join(' ')
})

await loadLanguage(state.lang)
if (showPage() === 'search') search('')

/**
 * `npm run screenshot`: runs the demo's nightly report against the fake
 * GitHub, renders its job summary as GitHub does (GitHub-flavoured Markdown,
 * GitHub's Markdown stylesheet, about 900 px of content) in headless
 * Chromium, and writes docs/job-summary.png, which the README shows.
 *
 * Needs Chromium from Debian's packages (`apt-get install chromium`, and
 * `fonts-noto-color-emoji` for the ⚠️ and 🔑 marks to show), or
 * CHROMIUM_PATH pointing at a Chromium or Chrome binary. Not part of
 * `npm test`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { marked } from 'marked'
import puppeteer from 'puppeteer-core'
import { ROOT, runAction } from '../test/fake-github/runner.js'
import { NIGHTLY, startDemoGitHub } from './scenarios.js'

const OUTPUT = join(ROOT, 'docs', 'job-summary.png')
/** GitHub's job summary: a content column of about 900 px inside the page. */
const CONTENT_WIDTH = 900

function chromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((path): path is string =>
    Boolean(path)
  )
  const found = candidates.find(path => existsSync(path))
  if (!found) {
    console.error(
      'npm run screenshot needs Chromium. Install it from Debian’s packages:\n' +
        '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-color-emoji\n' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.'
    )
    process.exit(1)
  }
  return found
}

/** The job summary as GitHub shows it: its Markdown stylesheet, light theme, in a column of GitHub's width. */
function page(markdown: string): string {
  const css = readFileSync(createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  const body = marked.parse(markdown, { gfm: true, async: false })
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
    body { margin: 0; background: #f6f8fa; }
    .markdown-body { box-sizing: border-box; width: ${CONTENT_WIDTH + 2 * 24}px; margin: 16px; padding: 24px; background: #fff;
      border: 1px solid #d0d7de; border-radius: 6px; font-size: 14px; }
  </style></head><body><article class="markdown-body">${body}</article></body></html>`
}

const executablePath = chromium()
const fake = await startDemoGitHub()
try {
  const result = await runAction({ apiUrl: fake.url, token: fake.token, inputs: NIGHTLY.inputs })
  if (result.summary === '') throw new Error(`The action wrote no job summary (exit code ${result.code}).\n${result.stderr}`)
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const tab = await browser.newPage()
    await tab.setViewport({ width: CONTENT_WIDTH + 2 * 24 + 2 * 16, height: 800, deviceScaleFactor: 1 })
    await tab.setContent(page(result.summary), { waitUntil: 'load' })
    mkdirSync(join(ROOT, 'docs'), { recursive: true })
    await tab.screenshot({ path: OUTPUT as `${string}.png`, fullPage: true })
  } finally {
    await browser.close()
  }
  console.log(`Wrote ${OUTPUT}`)
} finally {
  await fake.stop()
}

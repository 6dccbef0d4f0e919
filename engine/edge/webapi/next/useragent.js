// userAgent(request): the shape ua-parser-js gives next/server, for the
// browsers, engines, systems and devices routes look at, plus isBot with
// Next's own bot pattern.
const botRe = /Googlebot|Mediapartners-Google|AdsBot-Google|googleweblight|Storebot-Google|Google-PageRenderer|Bingbot|BingPreview|Slurp|DuckDuckBot|baiduspider|yandex|sogou|LinkedInBot|bitlybot|tumblr|vkShare|quora link preview|facebookexternalhit|facebookcatalog|Twitterbot|applebot|redditbot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|ia_archiver/i;

const browsers = [
  [/\b(?:edge|edgios|edga|edg)\/([\w.]+)/i, 'Edge'],
  [/\b(?:opr)\/([\w.]+)/i, 'Opera'],
  [/\bSamsungBrowser\/([\w.]+)/i, 'Samsung Internet'],
  [/\bfirefox\/([\w.]+)/i, 'Firefox'],
  [/\bfxios\/([\w.]+)/i, 'Mobile Firefox'],
  [/\bcrios\/([\w.]+)/i, 'Mobile Chrome'],
  [/\bheadlesschrome(?:\/([\w.]+)| )/i, 'Chrome Headless'],
  [/\bchrome\/([\w.]+)(?:.*mobile)/i, 'Mobile Chrome'],
  [/\bchrome\/([\w.]+)/i, 'Chrome'],
  [/\bversion\/([\w.]+).*mobile\/\w+ safari/i, 'Mobile Safari'],
  [/\bversion\/([\w.]+).*safari/i, 'Safari'],
  [/\bcurl\/([\w.]+)/i, 'curl'],
];
const engines = [
  [/\bwindows.+ edge\/([\w.]+)/i, 'EdgeHTML'],
  [/\b(?:chrome|crios|edg|opr)\/([\w.]+)/i, 'Blink'],
  [/\bapplewebkit\/([\w.]+)/i, 'WebKit'],
  [/\brv:([\w.]{1,9})\b.+gecko/i, 'Gecko'],
];
const systems = [
  [/\bwindows nt ([\d.]+)/i, 'Windows', (v) => ({ '10.0': '10', '6.3': '8.1', '6.2': '8', '6.1': '7' })[v] || v],
  [/\b(?:iphone|ipad|ipod).*? os ([\d_]+)/i, 'iOS', (v) => v.replace(/_/g, '.')],
  [/\bmac os x ?([\w. ]*)/i, 'Mac OS', (v) => v.replace(/_/g, '.')],
  [/\bandroid[-/ ]?([\w.]*)/i, 'Android'],
  [/\bcros [\w]+(?:\)| ([\w.]+)\b)/i, 'Chromium OS'],
  [/\blinux/i, 'Linux'],
];

function userAgentFromString(input) {
  const ua = input || '';
  const out = {
    isBot: input === undefined ? false : botRe.test(input),
    ua,
    browser: { name: undefined, version: undefined, major: undefined },
    device: { vendor: undefined, model: undefined, type: undefined },
    engine: { name: undefined, version: undefined },
    os: { name: undefined, version: undefined },
    cpu: { architecture: undefined },
  };
  for (const [re, name] of browsers) {
    const m = re.exec(ua);
    if (m) {
      out.browser.name = name;
      out.browser.version = m[1];
      out.browser.major = m[1] ? m[1].split('.')[0] : undefined;
      break;
    }
  }
  for (const [re, name] of engines) {
    const m = re.exec(ua);
    if (m) { out.engine.name = name; out.engine.version = m[1]; break; }
  }
  for (const [re, name, fix] of systems) {
    const m = re.exec(ua);
    if (m) { out.os.name = name; out.os.version = m[1] ? (fix ? fix(m[1]) : m[1]) : undefined; break; }
  }
  if (/\b(?:iphone)\b/i.test(ua)) out.device = { vendor: 'Apple', model: 'iPhone', type: 'mobile' };
  else if (/\bipad\b/i.test(ua)) out.device = { vendor: 'Apple', model: 'iPad', type: 'tablet' };
  else if (/\bandroid.+mobile/i.test(ua)) out.device.type = 'mobile';
  else if (/\bandroid/i.test(ua)) out.device.type = 'tablet';
  else if (/\bmacintosh\b/i.test(ua)) { out.device.vendor = 'Apple'; out.device.model = 'Macintosh'; }
  if (/\b(?:x86_64|x64|win64|wow64|amd64)\b/i.test(ua)) out.cpu.architecture = 'amd64';
  else if (/\b(?:aarch64|arm64)\b/i.test(ua)) out.cpu.architecture = 'arm64';
  else if (/\bi[3-6]86\b/i.test(ua)) out.cpu.architecture = 'ia32';
  return out;
}

function userAgent({ headers }) {
  return userAgentFromString(headers.get('user-agent') || undefined);
}

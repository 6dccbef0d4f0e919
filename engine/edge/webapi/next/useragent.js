// userAgent(request) and userAgentFromString(ua), as next/server 16 defines
// them (packages/next/src/server/web/spec-extension/user-agent.ts): the
// result of ua-parser-js 1.0.35 (vendor/, the version Next compiles in)
// plus isBot from Next's own pattern. The parser is built on the first call
// in an isolate, not at set-up.

function isBot(input) {
  return /Googlebot|Mediapartners-Google|AdsBot-Google|googleweblight|Storebot-Google|Google-PageRenderer|Google-InspectionTool|Bingbot|BingPreview|Slurp|DuckDuckBot|baiduspider|yandex|sogou|LinkedInBot|bitlybot|tumblr|vkShare|quora link preview|facebookexternalhit|facebookcatalog|Twitterbot|applebot|redditbot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|ia_archiver|GPTBot/i.test(input);
}

let uaParser = null;
function loadUAParser() {
  const module = { exports: {} };
  native.uaParserModule()(module, module.exports);
  return module.exports;
}

function userAgentFromString(input) {
  if (uaParser === null) uaParser = loadUAParser();
  const result = uaParser(input);
  result.isBot = input === undefined ? false : isBot(input);
  return result;
}

function userAgent({ headers }) {
  return userAgentFromString(headers.get('user-agent') || undefined);
}

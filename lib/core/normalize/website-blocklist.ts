// Websites that say nothing about the contact's company: social profiles, link
// shorteners and free hosting (acme.wixsite.com is a page, not a domain Acme's
// mail comes from). Free-mail domains are checked with the free-mail list.
// Matched on the host and every parent of it, so "uk.linkedin.com" counts.

export type WebsiteKind = 'social' | 'link_shortener' | 'hosting';

const SOCIAL = [
  'linkedin.com', 'lnkd.in', 'facebook.com', 'fb.com', 'fb.me', 'x.com', 'twitter.com', 'instagram.com', 'github.com', 'gitlab.com',
  'bitbucket.org', 'youtube.com', 'youtu.be', 'tiktok.com', 'pinterest.com', 'reddit.com', 'medium.com', 'xing.com', 'threads.net',
  'mastodon.social', 'bsky.app', 'snapchat.com', 'vk.com', 'weibo.com', 't.me', 'telegram.me', 'wa.me', 'whatsapp.com',
  'discord.gg', 'discord.com', 'behance.net', 'dribbble.com', 'angel.co', 'wellfound.com', 'crunchbase.com', 'about.me',
  'linktr.ee', 'substack.com', 'tumblr.com', 'flickr.com', 'vimeo.com', 'twitch.tv', 'stackoverflow.com', 'quora.com',
  'glassdoor.com', 'indeed.com', 'yelp.com', 'google.com', 'goo.gl', 'maps.app.goo.gl',
];
const LINK_SHORTENERS = [
  'bit.ly', 'bitly.com', 'tinyurl.com', 'ow.ly', 'buff.ly', 't.co', 'is.gd', 'rebrand.ly', 'cutt.ly', 'shorturl.at', 'rb.gy',
  'tiny.cc', 'bl.ink', 'short.io', 'soo.gd', 's.id', 'v.gd', 'lnk.to', 'hubs.ly', 'hubs.la',
];
const HOSTING = [
  'wixsite.com', 'wix.com', 'wordpress.com', 'wordpress.org', 'blogspot.com', 'blogger.com', 'github.io', 'gitlab.io', 'herokuapp.com',
  'netlify.app', 'netlify.com', 'vercel.app', 'pages.dev', 'web.app', 'firebaseapp.com', 'squarespace.com', 'weebly.com',
  'webflow.io', 'carrd.co', 'godaddysites.com', 'jimdo.com', 'jimdofree.com', 'jimdosite.com', 'strikingly.com', 'site123.me',
  'myshopify.com', 'wpengine.com', 'wpcomstaging.com', 'azurewebsites.net', 'cloudfront.net', 'amazonaws.com', 'appspot.com',
  'onrender.com', 'fly.dev', 'glitch.me', 'replit.app', 'notion.site', 'notion.so', 'framer.website', 'framer.app', 'typedream.app',
  'hubspotpagebuilder.com', 'hs-sites.com', 'business.site', 'webnode.com', 'ueniweb.com', 'mystrikingly.com', 'tilda.ws', 'yolasite.com',
];

const KINDS = new Map<string, WebsiteKind>([
  ...SOCIAL.map((d) => [d, 'social'] as const),
  ...LINK_SHORTENERS.map((d) => [d, 'link_shortener'] as const),
  ...HOSTING.map((d) => [d, 'hosting'] as const),
]);

/** Every blocked domain (for tests and docs). */
export const BLOCKED_WEBSITE_DOMAINS: readonly string[] = [...KINDS.keys()];

/** The kind of a blocked website host ("www.linkedin.com" → social), or null for a company's own site. */
export function blockedWebsiteKind(hostname: string): WebsiteKind | null {
  let host = hostname;
  for (;;) {
    const kind = KINDS.get(host);
    if (kind) return kind;
    const dot = host.indexOf('.');
    if (dot < 0) return null;
    host = host.slice(dot + 1);
  }
}

export const WEBSITE_KIND_LABELS: Record<WebsiteKind, string> = {
  social: 'a social-network profile', link_shortener: 'a link shortener', hosting: 'a free hosting or site-builder address',
};

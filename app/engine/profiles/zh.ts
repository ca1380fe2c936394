import { isSpace } from '../chars.js';
import { gated } from './gate.js';
import type { Profile } from './profile.js';

const ROLE_WORDS = ['见习记者', '实习记者', '特约记者', '首席记者', '记者', '通讯员', '实习生', '特约撰稿', '撰稿', '摄影', '编辑', '本报'];
/** Each role word's first character: a token without one of them holds no role word. */
const ROLE_FIRSTS = new Set(ROLE_WORDS.map((w) => w.charCodeAt(0)));
/** A line of only bracketed short names, none a photo credit or role: （丹翁）, （壯叟自）（秣陵寄）. */
const PEN_NAME = /^[（(](?:[^\s（()）摄记通版]{1,8}[）)][（(])*[^\s（()）摄记通版]{1,8}[）)]$/;
const NAME = /^[\u3400-\u9fff·]{2,5}$/;
const PREFIX = /^(?:文|图|文图)[:：]/;
const SUFFIX = /(?:摄影?|报道|整理|供图)$/;
/** The characters PREFIX can start with and SUFFIX can end with: other tokens are left as they are without a regex pass. */
const PREFIX_FIRSTS = [...'文图'].map((c) => c.charCodeAt(0));
const SUFFIX_LASTS = [...'摄影道理图'].map((c) => c.charCodeAt(0));

/** Per code unit: 1 for the last character of a source's name, 2 for what cannot be in one. */
const SOURCE_CHARS = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < t.length; c++) if (isSpace(c)) t[c] = 2;
  for (const c of '，。（(') t[c.charCodeAt(0)] = 2;
  for (const c of '网社台报') t[c.charCodeAt(0)] = 1;
  return t;
})();

/**
 * Whether the text could open on a news source's name (人民网, 中新社): 网, 社, 台 or 报 after 2 to
 * 10 characters, none of them a space, ，, 。 or an opening bracket. A dateline that starts with
 * neither 本 nor 新 can only start this way.
 */
function maySourceOpen(text: string): boolean {
  const n = Math.min(text.length, 11);
  for (let i = 0; i < n; i++) {
    const k = SOURCE_CHARS[text.charCodeAt(i)]!;
    if (k === 2) return false;
    if (k === 1 && i >= 2) return true;
  }
  return false;
}

function mayHoldRoleWord(tok: string): boolean {
  for (let i = 0; i < tok.length; i++) if (ROLE_FIRSTS.has(tok.charCodeAt(i))) return true;
  return false;
}

/** Names from 本报讯（通讯员 李靖 蒋昌州）, ○ 贵州日报记者 靖晓燕 通讯员 杨仁海, 本报记者 王明, 记者 王明 摄. */
function authors(text: string): string[] {
  // a pen name in brackets, （丹翁）, is the whole author as printed (a series number too: （一）（三））
  if (PEN_NAME.test(text)) return [text.slice(1, -1)];
  const open = Math.max(text.indexOf('（'), text.indexOf('('));
  let s = text;
  if (open >= 0 && open < 16) {
    const close = text.slice(open).search(/[）)]/);
    s = close > 0 ? text.slice(open + 1, open + close) : text.slice(open + 1);
  }
  const out: string[] = [];
  for (let tok of s.split(/[\s、，,；;○●◎■□◆▲☆★/／]+/)) {
    let cut = -1;
    if (mayHoldRoleWord(tok)) {
      for (const w of ROLE_WORDS) {
        const at = tok.lastIndexOf(w);
        if (at >= 0) cut = Math.max(cut, at + w.length);
      }
    }
    if (cut >= 0) tok = tok.slice(cut);
    // a name has 2–5 characters, with at most a 3-character prefix (文图：) and a 2-character suffix (摄影) around it
    if (tok.length < 2 || tok.length > 10) continue;
    if (PREFIX_FIRSTS.includes(tok.charCodeAt(0))) tok = tok.replace(PREFIX, '');
    if (SUFFIX_LASTS.includes(tok.charCodeAt(tok.length - 1))) tok = tok.replace(SUFFIX, '');
    if (NAME.test(tok)) out.push(tok);
  }
  return out;
}

export const zh: Profile = {
  lang: 'zh',
  articleStart: gated(/^(?:[◘◆◇※]|本报讯|本报[^\s，。]{0,10}(?:电|讯)|本报记者|新华社[^\s，。]{0,12}电|[^\s，。（(]{2,10}(?:网|社|台|报)[^\s，。]{0,10}(?:电|讯)\s*[（(])/, { first: '◘◆◇※本新', or: maySourceOpen }),
  byline: gated(/^(?:[○●◎■□◆▲☆★]\s*[^、，。]{0,16}(?:记者|通讯员|实习生|撰稿|作者|摄影|[文图](?=$|[\s/／:：]))|(?:本报|特约|首席)?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fff]{2,4}(?:\s+(?:(?:本报)?(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fff]{2,4}){0,6}$|文[/／]\s*\S|(?:文|撰文|作者)[:：]\s*\S|[（(](?:[^\s（()）摄记通版]{1,8}[）)][（(])*[^\s（()）摄记通版]{1,8}[）)]$)/, { first: '○●◎■□◆▲☆★本特首记通实文撰作（(' }),
  bylineTail: gated(/^(?:通讯员|实习生|摄影)\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,4}$/, { first: '通实摄' }),
  captionCue: gated(/^(?:图为|上图|下图|左图|右图|图[：:]|▲|△)|[（(][^（()）]{0,16}摄[）)]$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,][^。]{2,60}(?:现场|一角|场景|全景|合影|留影|掠影|情景|场面|风貌|瞬间)\s*。?$/, { first: '图上下左右▲△0123456789', last: '）)' }),
  creditLine: gated(/^[（(]?\s*(?:本报)?(?:记者|通讯员|特约摄影|摄影)?\s*[\u4e00-\u9fff]{2,4}(?:\s+(?:(?:记者|通讯员)\s*)?[\u4e00-\u9fff]{2,4}){0,3}\s*摄(?:影)?\s*[）)]?$/, { last: '摄影）)' }),
  kickerCue: /(?:强调|指出|表示|要求|寄语|时说|提出|之际|期间|出席|讲话)$/,
  subtitleCue: /^(?:——|—|--|－－)/,
  salutation: gated(/^(?:尊敬的|亲爱的|各位|广大|全[市县州区省国村镇乡])[^，。！？]{1,24}[：:]$/, { first: '尊亲各广全' }),
  closing: gated(/^(?:此致|敬礼[！!]?|谢谢[！!]?|致以崇高的敬意[！!]?)$/, { first: '此敬谢致' }),
  dateLine: gated(/^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/, { last: '日' }),
  jumpLine: gated(/^[（(]?\s*(?:(?:下转|转|接|上接)\s*(?:第)?\s*[\d一二三四五六七八九十]{1,3}\s*版|未完|待续|待續|续完|續完)\s*[）)]?$/, { last: '版）)' }),
  pageHeader: /第\s*[\d一二三四五六七八九十]{1,3}\s*版|星期[一二三四五六日天]|责任编辑|^\S{2,6}$/,
  pageFooter: /^(?:[-—–\s]*\d{1,3}[-—–\s]*|第\s*\d{1,3}\s*版|(?:责任编辑|责编|编辑|校对|美编|版式|组版)[:：].{0,40})$/,
  advert: /(?:广告|热线|订购|订阅|招商|咨询电话|联系电话|服务电话|电话)[^。]{0,30}\d{3,4}[-－—]?\d{7,8}|\d{3,4}[-－—]\d{7,8}|(?:^|\D)1[3-9]\d{9}(?:\D|$)|^广告$/,
  slogan: /^[\u4e00-\u9fff]{4,8}(?:[\s\u3000]+[\u4e00-\u9fff]{4,8}){1,3}$/,
  noticeTitle: /(?:公告|通知|启事|声明|通告|公示)$/,
  twoParts: 'shorter-is-title',
  authors,
};

"""Hiding information: a problem, mistake or bad news kept from the people who needed it."""

from __future__ import annotations

from bot.analysis.antipatterns.base import Context, Hit, hits, present, total
from bot.analysis.antipatterns.concepts import TELLING
from bot.analysis.cues import near, phrases

_AUDIENCE = (
    r"(?:my |the |our |her |his |their |any )?(?:manager|lead|boss|director|team|client|"
    r"customer|customers|ceo|cfo|cto|partners?|charge nurse|regional|board|anyone|anybody|"
    r"everyone|patients?|parents?|supervisor|controller|vp|head|investors?|users?|auditors?|"
    r"security|compliance|colleagues?|family|buyer|owner|account|stakeholders?|engagement "
    r"manager|retro|postmortem|report|incident (?:reporting )?system|(?:\w{1,30} )?channel|"
    r"stand-?up|huddle|handover)"
)
_CONCEALED = phrases(
    r"i (?:didn't|did not|never|chose not to|decided not to|won't|wouldn't) (?:\w{1,30} )?"
    r"(?:mention|tell|flag|raise|report|disclose|share|put|go into|say anything|inform|"
    r"pass (?:it|that|this|the \w+) on|pass on|"
    r"escalate|bring (?:it|this|that) up|let (?:\w{1,30} )?know|log|record|document|post|"
    r"write (?:it|this|that) up)"
    r"(?:\w| |-|'){0,40}?" + _AUDIENCE,
    r"(?:we|i) (?:decided|agreed|chose)(?: between (?:us|ourselves))? not to (?:tell|mention|"
    r"inform|disclose|share|flag|put|log|record|report|write|include|enter|file|notify)",
    near(r"(?:^|(?<=[,;] )|(?<=\band )|(?<=\bso )|(?<=\bthen ))(?:i|we)", r"(?:without|before) "
         r"(?:\w{1,30} )?(?:telling|mentioning|informing|letting (?:\w{1,30} )?know|anyone knowing|anyone "
         r"noticing|saying|disclosing|flagging|noting|explaining|admitting|"
         r"making (?:it )?clear)", 12),
    r"(?:didn't|did not|never) (?:\S{1,40} ){0,4}(?:or|and|nor) " + TELLING + r" (?:anyone|anybody|my "
    r"\w+|the \w+|them|him|her)",
    r"(?:saw|see|felt|feel|found) no (?:need|reason|point) to (?:tell|mention|inform|report|flag|"
    r"raise|bother|worry|let)",
    r"(?:estimated|guessed|made up|invented|padded|"
    r"rounded up) (?:\w{1,30} ){0,3}rather than (?:measured|"
    r"counted|actual|real|checked)",
    # A report the speaker kept from going up ("it never went to the board").
    r"(?:it|this|that|the (?:report|issue|incident|finding|error|mistake)) never (?:went|got|made "
    r"it|reached) (?:to |up to )?(?:the|my|our) (?:\w{1,30} ){0,3}(?:officer|manager|board|regulator|"
    r"client|customer|director|committee|auditors?)",
    r"(?:kept|keep|keeping) (?:it|this|that|the \w+|quiet|things) (?:quiet|to myself|"
    r"between us|off the (?:record|books|radar|report)|out of (?:the|my) (?:\w{1,30} )?(?:report|"
    r"notes|update)|under wraps)",
    r"quietly (?:\w{1,30} ){0,2}(?:fixed|patched|applied|corrected|changed|reloaded|moved|"
    r"credited|refunded|reverted|adjusted|rewrote)",
    r"hold off on (?:telling|mentioning|informing|raising)", r"(?:held|hold|holding) back "
    r"(?:the |this |that )?(?:news|information|details?|numbers)",
    r"(?:listed|reported|presented|described|framed|labelled|labeled|showed|marked) "
    r"(?:them|it|this|that|the \w+|shrink|\w+) as (?:\w{1,30} ){0,6}?(?:rather than|instead of|"
    r"around \d|a routine|routine|'|\")",
    r"(?:booked|recorded|coded|classified|put) (?:some of )?(?:the )?(?:\w{1,30} ){0,2}as "
    r"(?:'|\")?(?:damaged|expired|other|misc|routine)",
    r"(?:adjusted|changed|edited|amended|tweaked) the (?:documentation|records?|notes|chart|"
    r"numbers|report|log|timestamps?) so",
    r"(?:explained|presented|passed) it (?:off )?as (?:a )?(?:routine|normal|regular|minor)",
    r"(?:told|explained to|informed) (?:her|him|them|the (?:\w{1,30} )?(?:client|customer|buyer))"
    r" (?:that )?(?:the (?:delay|problem|issue) was|it was) (?:down|due) to",
    r"(?:some|a bit of|a little|minor) (?:\w{1,30} )?weirdness",
    # Others finding out late; "we only found out when…" is the speaker's own discovery.
    r"(?<!we )(?<!i )(?<!we only )(?<!i only )(?<!if they )(?<!if he )(?<!if she )(?<!if people )"
    r"(?<!if customers )(?:found|find|finds|would find) out "
    r"(?:\w{1,30} ){0,3}(?:later|after|when|a week|weeks|from "
    r"(?:someone|a customer|the news))",
    r"(?:so|and) (?:it|nobody|no one|they|he|she) (?:wouldn't|would not|never) (?:notice|see|"
    r"know|find out)",
r"(?:wasn't|not) (?:worth|going to be) worr(?:y|ying) (?:the|him|"
    r"her|them)", r"didn't think it was worth (?:worrying|telling|mentioning|bothering)",
    r"(?:nobody|no one) had noticed,? so i (?:didn't|did not)", r"nobody ever asked",
    r"i didn't go into", r"only (?:told|mentioned) (?:\w{1,30} ){0,3}(?:part|half|some)",
    r"(?:didn't|did not|never) loop (?:in|\w+ in)", r"(?:keep|kept|keeping) (?:the \w+|it|this|"
    r"that|quiet|things|news) to (?:ourselves|myself|us)",
    # The speaker never raised it (someone else not raising it again is not concealment).
    r"(?:i|we) (?:\w{1,30} )?(?:never|didn't|did not) (?:\w{1,30} )?(?:brought|bring) (?:it|this|that) up", r"(?:so|and) (?:you|nobody|no one|they) couldn't see",
    r"(?:didn't|did not|never) (?:log|record|report|document|write up) (?:it|the|that|this|"
    r"them)", r"told (?:them|him|her) i (?:hadn't|didn't|had not|"
    r"did not) (?:heard|know)",
    r"(?:broke|break|broken) the news (?:\w{1,30} ){0,4}(?:after|afterwards|once|when|later)",
    r"until (?:the )?(?:renewal|contract|deal|paperwork|term sheet|review|it was signed)(?:\w| )"
    r"{0,30}(?:signed|closed|done|over|came back)",
    r"(?:i|we) (?:\w{1,30} )?(?:hid|hide|concealed|covered (?:it )?up|swept (?:it )?under|"
    r"downplayed|played (?:it )?down|fudged|massaged the (?:numbers|data))",
    r"(?:i|we) (?:\w{1,30} )?(?:said|told (?:them|him|her|the \w+)) (?:it was|that it was|"
    r"everything was) "
    r"(?:fine|ok|okay|on track|routine|nothing|under control)",
    r"(?:and |but |,? )(?:said|mentioned|told (?:them|him|her|anyone)) nothing",
    r"(?:didn't|did not) (?:mention|say|tell) (?:\w{1,30} ){0,6}(?:that|about) i(?:'d| had)",
    r"(?:the )?(?:roadmap|deck|report|update) with (?:the \w+|it) still on it",
    r"re-?saved (?:the )?\w+ with the corrected",
    # Not telling someone: the people who needed to know are named, or it is kept off a record.
    near(r"(?:i|we) (?:\S{1,40} ){0,2}(?:didn't|did not|never|chose not to|decided not to|"
         r"wouldn't|won't|avoided|held off(?: on)?|stopped short of)", TELLING
         + r"(?:\s+\S{1,40}){0,6}?\s+(?:to |with |in )?" + _AUDIENCE, 2),
    near(r"(?:i|we) (?:\S{1,40} ){0,2}(?:didn't|did not|never|chose not to|decided not to|"
         r"wouldn't|won't|avoided|held off(?: on)?|stopped short of)", r"(?:log|record|report|"
         r"document|write up|file|enter)\w* (?:it|this|that|the \w+)", 2),
    near(r"(?:i|we) (?:\S{1,40} ){0,2}(?:didn't|did not|never|chose not to|decided not to|"
         r"wouldn't|won't|avoided|held off(?: on)?|stopped short of)", TELLING + r" (?:the|this|"
         r"that|my|our|any|about the) (?:\S{1,40} ){0,2}(?:issue|problem|error|mistake|bug|delay|fault|"
         r"gap|risk|news|slip|miss|breach|incident|shortfall)s?", 2),
    r"(?:so|and) it (?:just )?looked like",
    near(r"(?:rolled|folded|buried|slipped|hid|tucked|absorbed|blended)",
         r"(?:in|into|within) (?:the |my |our )?(?:\S{1,40} ){0,3}(?:updates?|reforecast|numbers|"
         r"report|commentary|notes|figures|totals)", 5),
    near(r"(?:put|logged|recorded|booked|coded|framed|described|presented|labelled|labeled|"
         r"wrote (?:it )?up)", r"as (?:a |an )?(?:system glitch|glitch|routine|market|normal|"
         r"damaged|other|misc\w*|one-off|technical|network|weather|courier|supplier|customs)",
         5),
    r"let (?:\S{1,40} ){0,3}(?:believe|think|assume)",
    r"(?:and|but|,) (?:\S{1,40} )?(?:didn't|did not|never) (?:\S{1,40} )?" + TELLING
    + r" (?:\S{1,40} ){0,3}(?:to )?(?:my|the|our|her|his|their|anyone|anybody|it|this|that)",
    r"(?:kept|keep) (?!my )(?:\S{1,40} ){0,3}(?:quiet|to (?:myself|ourselves)|under wraps|off the)",
    r"(?:didn't|did not|never) (?:send|issue|publish|post|put out) (?:a |an |any )?(?:\w{1,30} )?"
    r"(?:notice|notification|warning|alert|announcement|letter|recall|advisory)",
    near(r"(?:told|informed|emailed|let)", r"(?:about|of) (?:the )?(?:\S{1,40} ){0,3}(?:in (?:july|"
         r"august|september|october|november|december|january|february|march|april|may|june)|"
         r"afterwards|later|once (?:the|they|it)|after (?:the|they|it))", 8),
    r"(?:they|we|he|she) (?:were|was) (?:under contract|signed) by then",
    r"by then (?:the|they|it) (?:\S{1,40} ){0,3}(?:signed|closed|renewed|committed)",
    r"doesn't say (?:which|that|what|why)", r"(?:i|we) said (?:the team|we|they) (?:was|were) "
    r"working on it", r"the honest reason was", r"(?:which|that) (?:does|did) happen",
    r"(?:pointed|steered|sent) (?:him|her|them) (?:to|towards) (?:the|their) (?:\w{1,30} )?(?:line|"
    r"vendor|supplier|carrier|courier|bank)",
)
_DISCLOSED = phrases(
    r"i (?:told|messaged|emailed|informed|flagged|raised|reported|escalated|called|phoned|"
    r"explained|wrote to)(?:\w| |,){0,30}(?:manager|director|lead|team|client|customer|ceo|"
    r"boss|supervisor|partners|everyone|security|users)(?:\w| |,){0,30}(?:straight away|right "
    r"away|immediately|first|before|that day|the same day|the next morning|within)",
    r"before touching anything", r"i was transparent", r"(?:owned|took) (?:it|responsibility)"
    r" (?:openly|publicly)", r"i (?:said|told them) so directly",
)


# Saying something untrue or partial about it: status kept green, relabelled, "contained".
_MISREPRESENTED = phrases(
    r"(?:kept|left|marked|reported|showed|had|rated) (?:the )?(?:\S{1,40} ){0,3}(?:at|as) (?:green|"
    r"on track|amber|fine|complete|done|healthy)",
    r"(?:kept|left) (?:it|the \w+|that|them) (?:\w{1,30} ){0,3}(?:marked|listed|showing|labell?ed) "
    r"(?:as )?(?:'|\")?(?:in progress|on track|green|on schedule|planned)",
    # Letting people take it for something ordinary: "it looked like a normal dip".
    r"(?:looked|passed|came across|read) (?:\w{1,30} ){0,2}(?:like|as) (?:a |an )?(?:normal|routine|"
    r"ordinary|natural|regular|seasonal|expected) (?:dip|drop|change|variation|blip|fluctuation|"
    r"delay|wobble)",
    r"(?:presented|framed|pitched|sold|described|announced) (?:it|this|that|the \w+(?: \w+)?) as "
    r"(?:phase one|the first phase|part one|a first step|planned|intended|deliberate|a feature)",
    # Unfinished work passed off as nearly there: "described the remaining two as 'in polish'".
    r"(?:described|reported|listed|marked|presented|called|labell?ed) (?:it|this|that|them|the "
    r"(?:\w{1,30} )?\w{1,30}) as (?:'|\")?(?:in polish|in progress|nearly (?:done|finished|there|ready)|in "
    r"testing|being finali[sz]ed|finishing touches|complete|finished)",
    # Left off the record: "left it off the snag list".
    r"(?:left|kept) (?:it|that|this|them|the \w+) off (?:the |my |our |their )?(?:\w{1,30} ){0,2}"
    r"(?:list|report|log|register|agenda|minutes|notes|sheet|handover|board|record)",
    r"(?:labell?ed|described|reported|booked|coded|framed|called|presented) (?:it|this|that|the "
    r"\w+) (?:\w{1,30} )?as (?:an? )?(?:one-off|timing|routine|normal|minor|rounding|system|"
    r"technical|admin\w*|clerical|mix-up|misunderstanding)",
    near(r"(?:told|assured|reassured|informed|emailed|updated) (?:\S{1,40} ){0,3}(?:that )?(?:the "
         r"\w+|it|everything|things|we|all)", r"(?:was|were|had been) (?:\w{1,30} )?(?:contained|"
         r"fine|ok|"
         r"okay|on track|under control|resolved|sorted|minor|nothing|a mix-up|routine|isolated|"
         r"handled)", 3),
    r"(?:answered|responded|replied|worded|kept) (?:\S{1,40} ){0,4}(?:in )?(?:general|vague|broad|"
    r"loose) terms", r"(?:vague|vaguely|generic) (?:answer|response|wording|update)",
    r"(?:steered|kept|moved) (?:\S{1,40} ){0,4}away from (?:the |that |any )?(?:\w{1,30} )?(?:topic|"
    r"subject|question|flow|issue|login|area|part|section|screen|demo)?",
    r"(?:glossed|skated|skimmed) over", r"(?:avoided|dodged|sidestepped) (?:the |that |any )?"
    r"(?:topic|subject|question|mentioning|bringing|raising|talking)",
    r"(?:instead of|rather than) (?:restating|reissuing|re-issuing|disclosing|admitting|"
    r"reporting|owning up)",
    # The speaker downgrading it (a monitor or auditor classing it is their call).
    r"(?<!monitor )(?<!auditor )(?<!inspector )(?<!committee )(?<!regulator )(?<!reviewer )"
    r"(?:treat|treated|class|classed|classified|logged|recorded|called|record) (?:it|this|that) as "
    r"(?:a |an )?(?:minor|internal|routine|low|one-off|non-reportable)",
    # Records removed or doctored.
    near(r"(?:deleted|removed|erased|wiped|cleared|edited|scrubbed|took|left|kept)", r"(?:from|out "
         r"of|off) (?:the |our |my |their )?(?:\w{1,30} )?(?:log|logs|record|records|report|notes|sheet|"
         r"system|history|minutes|register|incident|timesheet|file)", 4),
    r"(?:left|kept) (?:that|this|it|the \w+|those|them) (?:\w{1,30} )?out(?! of)\b",
    # A made-up cause given to the people affected.
    near(r"(?:by )?(?:telling|told|saying|said)", r"(?:there was|there had been|there'd been|it "
         r"was) (?:a |an )?(?:\w{1,30} ){0,2}(?:maintenance|technical|system|supplier|weather|"
         r"staffing|it|network|courier|sync|server|connection|connectivity|data|database|platform|"
         r"integration|software|payment|printer|email) (?:issue|problem|fault|delay|glitch|blip|"
         r"hiccup|error)", 4),
    r"(?:told|telling) (?:them|him|her|the \w+) (?:that )?(?:testing|things|it|everything|the "
    r"project|work) (?:was|were) (?:progressing|going|on track|fine)",
    r"(?:adjusted|changed|edited|amended|updated) the (?:count|figures?|numbers?|stock|records?|"
    r"log|data) (?:\S{1,40} ){0,3}(?:to match|so (?:the|it)|to hide|to cover)",
    near(r"(?:told|telling|said|assured|explained to)", r"(?:on|at) (?:their|the customer's|the "
         r"user's|your|the client's) (?:side|end)", 12),
    # A rosier picture than the facts.
    r"(?:gave|sent|presented|painted|wrote) (?:a |an |them a |him a |her a )?(?:broadly |"
    r"generally |"
    r"mostly |very |fairly |pretty )?(?:positive|upbeat|rosy|optimistic|reassuring|green|"
    r"glowing) (?:update|report|picture|summary|status|account|view)",
    # One's own slip explained as something else.
    near(r"(?:explained|described|passed|presented|framed|chalked|attributed|blamed|"
         r"put it down)", r"(?:as|on|to|down to|up to) (?:a |an |the )?(?:\w{1,30} )?(?:delay|glitch|"
         r"error|timing|mix-up|supplier|system|rounding|weather|courier|bank|vendor|it|bug|"
         r"misunderstanding|back-?payment|adjustment|refresh)", 5),
)
# Fixing it out of sight, so nobody learns there was a problem.
_COVERED_UP = phrases(
    near(r"(?:fix|restor|recover|patch|correct|replac|redo|redid|swap|sort|clean|re-?ran|re-?run|"
         r"had it back)\w*",
         r"(?:before (?:anyone|anybody|somebody|someone|the (?:\w{1,30} )?(?:team|client|customer|"
         r"manager|boss|users?))(?: \w+)? (?:noticed|came in|found out|saw|realised|realized|"
         r"asked|got in|checked|logged in)|without (?:anyone|anybody) (?:noticing|knowing))", 10),
    r"(?:none|nobody|no one) (?:of them |else )?(?:\w{1,30} )?(?:knew|found out|realised|realized) "
    r"(?:why|what|about|that|there)",
    r"without knowing why",
    r"(?:a |the )?(?:quiet|silent|stealth) (?:fix|patch|update|change|correction)",
    # The record made to fit: "replaced the condition report photo with one taken after".
    r"(?:replaced|swapped|altered|backdated|doctored|rewrote|overwrote) (?:the |my |our |their )?"
    r"(?:\w{1,30} ){0,3}(?:photos?|records?|entry|entries|log|readings?|dates?|figures?|"
    r"signatures?|timestamps?) (?:with|to (?:show|match|read|say))",
    r"(?:they|he|she|the \w+|nobody|no one) (?:still )?(?:don't|doesn't|didn't|never) (?:know|knew)"
    r"(?=[.,;]|$| about| that| it| what| why)",
    r"(?:never|didn't|did not) (?:found|find) out (?:it was|that it was|about) (?:my|our|the)",
    r"(?:never|didn't|did not) (?:found|find) out (?:\S{1,40} ){0,3}(?:my|our) (?:\w{1,30} )?(?:error|"
    r"mistake|"
    r"fault|slip)",
)
# The people affected learn of it late, by themselves.
_FOUND_OUT_LATE = phrases(
    # Others learning late; "we only found out when…" is the speaker's own discovery.
    r"(?<!we )(?<!i )(?:only|eventually|later|then) (?:found out|discovered|learned|learnt|"
    r"realised|realized|heard)", r"(?:found out|discovered|learned|heard) (?:about )?(?:it |this |that |the \w+ )?"
    r"(?:during|at|in) (?:the )?(?:setup|go-live|final|audit|renewal|handover|onboarding|"
    r"implementation)",
    r"(?:found|find|finds) out (?:for )?themselves", r"never (?:connected|linked|traced)",
)
# Why it stayed unsaid: to avoid worry, fuss, questions or an escalation.
_WHY_UNSAID = phrases(
    near(r"(?:didn't|did not|don't|wouldn't) want", r"(?:to (?:panic|worry|know|"
         r"hear|see)|to be (?:worried|alarmed)|worr\w*|panic\w*|alarm\w*|fuss|questions|"
         r"a scene|drama|noise|escalat\w*)", 5),
    near(r"(?:would|'d|might|could) (?:only |just )?(?:have )?(?:caused|cause|created|create|"
         r"triggered|trigger|started|start|raised|raise|invited|invite|worried|worry|alarmed|"
         r"derailed|derail|drawn|draw)", r"(?:fuss|panic|questions|escalation|flood|alarm|drama|"
         r"attention|worry|concern|noise|scene)", 5),
    r"(?:only|just) (?:have )?(?:worried|upset|alarmed|confused|panicked) (?:people|them|him|her|"
    r"everyone|the team|the client|customers)",
    # Weighing what telling would cost: "Telling the council would have disqualified us."
    r"^(?:telling|informing|notifying|reporting|disclosing|admitting|flagging|mentioning|"
    r"raising) (?:\S{1,40} ){0,5}?would(?: almost certainly| probably| definitely)? (?:have )?",
    r"(?:because|since|as) (?:telling|informing|notifying|reporting|disclosing|admitting|flagging|"
    r"mentioning|raising) (?:it|this|that|them)(?: \S{1,40}){0,4}? would(?: have)? (?:meant|mean|"
    r"triggered|trigger|caused|cause|started|invited|led)",
    r"(?:knew|thought|felt|figured) (?:that )?(?:telling|informing|notifying|reporting|admitting|"
    r"flagging|mentioning) (?:\S{1,40} ){0,4}?would (?:mean|have meant|trigger|cause|lead to|invite|"
    r"start|raise|make)",
    r"(?:knew|thought|figured) (?:that )?(?:she|he|they)(?:'d| would) (?:lose interest|pull out|walk "
    r"away|cancel|panic|escalate|back out)",
    r"(?:didn't|did not) want to make a (?:big )?(?:deal|fuss|thing|song and dance) (?:of|about|out "
    r"of) it",
)
# Legitimately not sharing: confidentiality, privacy or need-to-know.
_LEGIT_WITHHOLDING = phrases(
    r"confidential\w*", r"nda", r"non-disclosure", r"(?:for|because of|under|respect\w*) (?:\w{1,30} )?"
    r"(?:privacy|data protection rules|gdpr)", r"need-to-know", r"privilege\w*",
    r"(?:legally|contractually) (?:barred|prevented|unable)",
    r"not (?:mine|my (?:news|information|story)) to (?:share|tell)",
    r"asked (?:me|us) not to (?:tell|share|say|mention)",
)

_UNTIL_SURE = phrases(r"until (?:i|we) (?:was|were|had|could) (?:\w{1,30} )?(?:sure|confirm\w*|"
                      r"verif\w*|check\w*|certain)")


def _kept_back(context: Context, found: list[Hit]) -> list[Hit]:
    """Drop hits where the speaker waits to confirm first, or withholds for confidentiality."""
    return [
        h for h in found
        if not _UNTIL_SURE.search(h.sentence.low) and not _LEGIT_WITHHOLDING.search(h.sentence.low)
    ]


def hiding_information(context: Context) -> list[Hit]:
    concealed = _kept_back(context, hits(context, _CONCEALED, 0.8))
    if len(concealed) == 1 and concealed[0].cue in ("the honest reason was", "which does happen",
                                                     "that does happen", "which did happen"):
        concealed = []
    misrepresented = _kept_back(context, hits(context, _MISREPRESENTED, 0.8))
    covered = _kept_back(context, hits(context, _COVERED_UP, 0.5))
    if not (concealed or misrepresented or covered):
        return []
    late = hits(context, _FOUND_OUT_LATE, 0.3)
    motive = hits(context, _WHY_UNSAID, 0.3)
    if present(_DISCLOSED, context.story):
        return []
    # One clear act of concealment is enough; otherwise the story needs a second sign.
    found = concealed + misrepresented + covered + late + motive
    return found if total(found) >= 0.8 else []

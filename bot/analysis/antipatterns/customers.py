"""Profit over customer, "good enough", and knowingly leaving a defect in place."""

from __future__ import annotations

from bot.analysis.antipatterns.base import FIRES_AT, Context, Hit, hits, present, total
from bot.analysis.cues import phrases

# --- profit over customer ---------------------------------------------------------------

_MONEY = (
    r"(?:revenue|margin|margins|profit|profits|profitability|arr|mrr|fees?|income|upsell|"
    r"monetis\w*|monetiz\w*|price increase|pricing|quota|take rate|cost per contact|"
    r"bookings|money|p&l|bottom line|valuation|cash)"
)
_MONEY_WINS = phrases(
    r"(?:it )?all comes back to (?:profit|money|revenue|the money)",
    r"(?:we|i) make more money", r"(?:the )?(?:math|maths|numbers) (?:clearly |still )?"
    r"(?:worked|work|works|added up|add up)(?: out)?",
    r"(?:the )?(?:extra |additional |higher |new )?(?:income|revenue|margin|money|profit|"
    r"gain|fees?|savings?)(?: gain)? (?:\w+ ){0,2}(?:more than |easily |many times over |"
    r"still )?(?:covered|outweighed|made up for|paid for|justified|offset)",
    r"(?:more than |easily )?covered (?:it|that|the \w+) many times over",
    r"where the (?:margin|money|profit) is", r"maximi[sz]e (?:profit|revenue|margin)",
    r"grandfathered nobody", r"(?:were|are|was) (?:\w+ )?locked in",
    r"(?:had|have|forced) to (?:upgrade|pay more|buy)",
    r"(?:worth|generate|generating|bring in) (?:about |around |roughly )?[$£€]",
    r"(?:revenue|margin|arr|income|profit) (?:is|was) what (?:matters|counts)",
)
_MONEY_DECISION = phrases(
    r"(?:proposed|decided|recommended|led with|pitched|built a model|moved everyone|removed "
    r"the|retired|raised|increased|cutting|charging|charge|introduced a|added a) "
    r"(?:\w+ ){0,8}?" + _MONEY,
    _MONEY + r" (?:target|goal|objective|number|forecast|uplift|gain|growth|went up|"
    r"finished|rose|increase)",
    r"(?:grow|growing|lift|lifting|hit|hitting|boost) (?:\w+ ){0,2}" + _MONEY,
)
_HARM_DISMISSED = phrases(
    r"(?:churn|attrition|complaints|cancellations|repeat calls|conversion|satisfaction|nps)"
    r"(?:\w| |,|-){0,50}(?:but|which) (?:the|we|it|those|that)",
    r"some (?:of them|customers|accounts|users|clients|of the \w+) (?:\w+ )?(?:churned|left|"
    r"complained|asked why|cancelled)",
    r"(?:but|since|as) (?:none of them|no one|nobody|no customer) (?:had |has )?"
    r"(?:complained|noticed)",
    r"(?:measured|counted|tracked) on (?:a )?different (?:team|dashboard)",
    r"technically (?:getting|got|received)", r"the contracts were signed",
    r"conversion (?:dipped|dropped|fell)", r"(?:modelled|modeled|priced in|accepted) "
    r"(?:the )?(?:churn|attrition)", r"(?:churn|attrition) (?:at|of) (?:about )?\d",
    r"nobody had set up", r"(?:which|that) we'd modelled",
    r"(?:had|have) to (?:upgrade|pay)", r"(?:locked|lock) in",
)
_CUSTOMER_REASONING = phrases(
    r"(?:for|to) (?:the|our) customers?'? (?:sake|benefit|needs?|trust|experience)",
    r"customers? (?:would|will|wouldn't|won't) (?:not )?trust", r"trust (?:us|me)",
    r"fair (?:to|for) (?:customers|them|the customer|users|clients)",
    r"what (?:the |our )?(?:customers?|users?|clients?) (?:actually )?(?:needed|wanted|"
    r"valued|cared about)",
    r"(?:protect|keep|earn|lose|losing|rebuild) (?:their|customer|customers') trust",
    r"(?:i|we) (?:pushed back|argued against|refused|said no)",
    r"customer'?s? (?:voice|experience|outcome|side|perspective)", r"honou?r(?:ed)?",
    r"right thing for", r"out of pocket", r"(?:review|satisfaction|nps|csat) (?:score )?"
    r"(?:went|rose|improved)", r"in the customer'?s? (?:interest|shoes)",
    r"customers (?:receiving|getting|paying for) (?:broken|the wrong)",
    r"(?:best|right) (?:sale|deal|price) (?:is|was) the one", r"thanks? you for",
    r"(?:affected|hurt|harm) (?:customers|users|clients) (?:the )?(?:least|most)",
)


def profit_over_customer(context: Context) -> list[Hit]:
    if present(_CUSTOMER_REASONING, context.sentences):
        return []
    wins = hits(context, _MONEY_WINS, 0.6)
    decision = hits(context, _MONEY_DECISION, 0.4)
    dismissed = hits(context, _HARM_DISMISSED, 0.5)
    if not (decision or wins):
        return []
    found = wins + decision + dismissed
    return found if total(found) >= FIRES_AT and (wins or dismissed) else []


# --- settling for "good enough" ---------------------------------------------------------

_SETTLED = phrases(
    r"good enough", r"(?:it|that|this|which) met (?:the|all the|every|our) (?:requirements?|"
    r"spec|specification|criteria|acceptance criteria)",
    r"(?:wasn't|weren't|was not|were not|isn't|aren't|not) (?:\w+ )?(?:in|part of) (?:the |our )?"
    r"(?:spec|scope|requirements?|requirements document|acceptance criteria|brief|contract|"
    r"statement of work|original ask|plan|the \w+ we'd signed)",
    r"out of scope", r"(?:doing|did|does) exactly what (?:the )?(?:requirements?|spec) said",
    r"(?:covered|met|ticked) (?:\w+ ){0,4}on paper", r"didn't see (?:a|any) reason to change",
    r"(?:that|which) was (?:our|the|my) goal", r"(?:closed|signed off) the project",
    r"ticked (?:every|all (?:the )?|each) (?:\w+ )?box", r"technically (?:met|compliant|done|"
    r"correct)", r"(?:meets|met) expectations, so",
    r"(?:passed|accepted|approved|signed off)(?:\w| |,){0,60}, so (?:i|we) (?:signed off|"
    r"shipped|closed|took|released|went live|delivered|moved on|didn't|left|shipped it)",
    r"(?:so|and) (?:i|we) (?:closed|signed off|shipped|moved on)(?:\w| ){0,30}(?:anyway|"
    r"as (?:it was|is)|on schedule|on time)",
    r"put (?:it|that|those|them) down to the learning curve",
    r"(?:passed|pass) (?:the )?feedback (?:on )?to",
)
_ACCEPTED = phrases(
    r"(?:acceptance|uat|qa|regression) (?:test|tests|testing|suite|scripts?)(?:\w| ){0,20}"
    r"(?:passed|signed off|approved)",
    r"(?:passed|signed off|approved|accepted) (?:the |our |their )?(?:\w+ )?(?:acceptance|uat|"
    r"qa|regression|review|test)",
    r"(?:product|the client|management|the agency|the business|stakeholders|they) "
    r"(?:accepted|signed off|approved)",
    r"every test case (?:was )?(?:marked )?passed", r"all passed, so",
    r"on time and (?:on|under) budget", r"approved (?:with )?no findings",
)
_USERS_UNHAPPY = phrases(
    r"(?:users|pickers|people|patients|customers|students|staff|clients|instructors|nurses|"
    r"teachers|they) (?:\w+ ){0,3}(?:told|said|complained|mentioned|reported|asked)",
    r"(?:confusing|hard to (?:read|use|find)|couldn't (?:\w+ ){0,2}(?:find|interpret|read|"
    r"use))",
    r"(?:were|was) (?:down|worse|slower)", r"(?:a few|some|several) (?:\w+ )?(?:complaints|"
    r"tickets|people)",
)
_RAISED_BAR = phrases(
    r"(?:but|yet|however|still),? (?:i|we) (?:\w+ ){0,3}(?:tested|checked|went|borrowed|"
    r"sat|asked|pushed|rebuilt|reworked|fixed|didn't move on|kept)",
    r"(?:not|wasn't|isn't) the same as (?:\w+ ){0,3}(?:getting|working|good)",
)


def good_enough(context: Context) -> list[Hit]:
    settled = hits(context, _SETTLED, 0.8)
    accepted = hits(context, _ACCEPTED, 0.35)
    unhappy = hits(context, _USERS_UNHAPPY, 0.3)
    if not settled and not accepted:
        return []
    if present(_RAISED_BAR, context.story) and not settled:
        return []
    found = settled + accepted + (unhappy if settled or accepted else [])
    return found if total(found) >= FIRES_AT else []


# --- knowingly leaving a defect -----------------------------------------------------------

_LEFT_IN_PLACE = phrases(
    r"(?:it's|its|it is) a feature,? not a bug",
    r"(?:decided|chose|agreed) (?:against (?:it|fixing|reporting)|not to (?:fix|report|open|"
    r"change|escalate|raise|log|touch)|to (?:leave|keep) (?:it|the|them))",
    r"(?:leave|left|keep|kept) (?:the [\w-]+|it|them|that) (?:as (?:it was|is|they were)|"
    r"in place|alone|for now|unfixed)",
    r"(?:logged|marked|filed|listed) (?:it |the \w+ )?as (?:a )?known (?:issue|limitation|bug)",
    r"(?:still|is still|remains) (?:sitting )?in the backlog", r"never (?:got )?(?:fixed|"
    r"addressed|resolved)",
    r"(?:didn't|did not|never) (?:open|file|raise|log|create|submit|put in) (?:a|the|any) "
    r"(?:\w+ )?(?:ticket|bug|incident|report|request)",
    r"(?:revisit|fix|deal with|clean (?:it )?up) (?:it|that|this) (?:when|later|next|in the)",
    r"negligible", r"(?:we|i) (?:didn't|did not|never) fix",
    r"(?:decided|chose) (?:\w+ ){0,2}to ship (?:it )?as (?:is|it was)",
    r"(?:was|were) (?:deprioriti[sz]ed|parked)", r"marked (?:it )?p[34]",
    r"(?:so|and) i did not say anything", r"(?:kept|carried on) (?:running|using|shipping)",
    r"strip of (?:yellow )?tape", r"workaround down", r"(?:just|only) (?:told|asked) "
    r"(?:them|people|the \w+) to (?:keep an eye|be careful|work around)",
)
_NOBODY_NOTICED = phrases(
    r"(?:no one|nobody|none of them|no customer|no parents?|no \w+) (?:\w+ )?(?:had |has )?"
    r"(?:noticed|complained|reported)",
    r"never had an? (?:injury|incident|complaint)", r"(?:the difference|it) was small",
    r"(?:rare|small|minor|edge case) (?:and|so)", r"(?:might|may) never (?:occur|happen)",
)
_DEFECT = phrases(
    r"bugs?", r"defects?", r"errors?", r"risks?", r"race condition", r"leaks?", r"overcharg\w*",
    r"mapping error", r"hazard", r"timeouts?", r"timed out", r"wrong", r"drift\w*", r"gap",
    r"glitch", r"crash\w*", r"vulnerab\w*", r"broken", r"faulty", r"issue", r"mistake",
    r"incorrect", r"unsafe",
)
_CLOSED_LOOP = phrases(
    r"(?:i|we) (?:fixed|patched|corrected|refunded|repaired|replaced|reported|escalated|"
    r"scheduled the (?:proper |real )?fix|added a (?:test|check|guardrail|validation))",
    r"with an owner and a date", r"(?:the )?(?:real|proper) fix shipped",
)


def ignored_defect(context: Context) -> list[Hit]:
    if not present(_DEFECT, context.story):
        return []
    left = hits(context, _LEFT_IN_PLACE, 0.7)
    unnoticed = hits(context, _NOBODY_NOTICED, 0.4)
    if not left:
        return []
    found = left + unnoticed
    # One decision to leave it is enough, unless the story later closes the loop.
    needed = FIRES_AT + 0.4 if present(_CLOSED_LOOP, context.story) else 0.7
    return found if total(found) >= needed else []

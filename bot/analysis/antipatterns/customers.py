"""Profit over customer, "good enough", and knowingly leaving a defect in place."""

from __future__ import annotations

from bot.analysis.antipatterns.base import FIRES_AT, Context, Hit, hits, present, total
from bot.analysis.antipatterns.concepts import MONEY
from bot.analysis.cues import near, phrases

# --- profit over customer ---------------------------------------------------------------
# The idea: the decision is justified by money alone while customers pay for it.

_MONEY = (
    r"(?:revenue|margins?|profits?|profitability|arr|mrr|fees?|income|upsell\w*|"
    r"monetis\w*|monetiz\w*|price increase|pricing|quota|take rate|cost per contact|"
    r"bookings|money|p&l|bottom line|valuation|cash|commission|food cost|unit economics|"
    r"the (?:board|quarterly) (?:deck|number)|our number|the number)"
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
    r"(?:revenue|margin|arr|income|profit|cash|bookings) (?:is|was|are) what (?:matters|counts|"
    r"keeps|i'm measured|we're measured|the board)",
    r"(?:which|that)(?:'s| is| was) what i(?:'m| am| was) measured on",
    r"because (?:the )?(?:\w+ ){0,3}(?:margin|commission|revenue|cash|profit|bookings|fees?|"
    r"upfront money)(?: on (?:that|it|them))? (?:was|were|is|are|came|brought|front-loaded)",
    r"(?:to|for) (?:protect|hit|grow|boost|lift|front-load|pad|make) (?:the |our |my )?"
    r"(?:\w+ )?(?:margin|revenue|profit|bookings|numbers?|quota|board deck)",
    r"front-load(?:s|ed)? (?:the )?(?:revenue|cash|bookings)", r"(?:but |and )?the cash was in",
    r"(?:works?|worked) (?:out )?in our favou?r", r"cost us (?:that|the|this) revenue",
    r"(?:steered|pushed|nudged|upsold|talked) (?:him|her|them|the client|the customer|"
    r"customers|clients) (?:to|into|towards|onto)",
    r"defensible under the", r"(?:legally|technically|contractually) (?:allowed|fine|"
    r"defensible|covered|compliant)",
    r"(?:most profitable|best margin|highest margin) (?:\w+ )?ever",
    near(r"(?:because|since|as|so|to|for)", r"(?<!customers' )(?<!their )(?<!client's )"
         + MONEY, 6),
    r"(?:where|that's where) the money is", r"leaving money on the table",
    r"(?:the )?numbers (?:made|make) the case", r"(?:paid|pays) the best commission",
    r"(?:matters|matter) most to the business", r"commercially sound",
    r"the (?:one )?number the (?:quarter|year|business) is judged on",
    r"(?:protect|improve|lift|bring down|grow|boost|hit) (?:\S+ ){0,3}" + MONEY,
)
_MONEY_DECISION = phrases(
    r"(?:proposed|decided|recommended|led with|pitched|built a model|moved everyone|removed "
    r"the|retired|raised|increased|cutting|charging|charge|introduced a|added a|switched|"
    r"delisted|went all-in|chose|picked|prioriti[sz]ed) (?:\w+ ){0,8}?" + _MONEY,
    _MONEY + r" (?:target|goal|objective|number|forecast|uplift|gain|growth|went up|"
    r"finished|rose|increase|was up|were up|line)",
    r"(?:grow|growing|lift|lifting|hit|hitting|boost|protect) (?:\w+ ){0,2}" + _MONEY,
    r"(?:\d+ )?points? (?:more|of) margin", r"margin (?:was|is) up",
)
_HARM_DISMISSED = phrases(
    r"(?:churn|attrition|complaints|cancellations|repeat calls|conversion|satisfaction|nps|"
    r"refunds?|refund requests|returns?|return rate)(?:\w| |,|-){0,50}(?:but|which) "
    r"(?:the|we|it|those|that)",
    r"some (?:of them|customers|accounts|users|clients|of the \w+) (?:\w+ )?(?:churned|left|"
    r"complained|asked why|cancelled)",
    r"(?:but|since|as) (?:none of them|no one|nobody|no customer) (?:had |has )?"
    r"(?:complained|noticed)",
    r"(?:measured|counted|tracked) on (?:a )?different (?:team|dashboard)",
    r"technically (?:getting|got|received)", r"the contracts were signed",
    r"conversion (?:dipped|dropped|fell)", r"(?:modelled|modeled|priced in|accepted) "
    r"(?:the )?(?:churn|attrition)", r"(?:churn|attrition) (?:at|of) (?:about )?\d",
    r"nobody had set up", r"(?:which|that) we'd modelled", r"(?:had|have) to (?:upgrade|pay)",
    r"(?:locked|lock) in", r"(?:refunds?|refund requests|returns|complaints|churn) (?:went|"
    r"were) up", r"customers (?:\w+ ){0,2}(?:loved|preferred|relied on|liked)",
    r"without (?:changing|telling|updating) (?:the )?(?:menu|price|description|label|"
    r"customers|listing)",
    r"(?:overcharg|charg)\w* (?:\w+ ){0,6}(?:customers|clients|accounts|users)",
    r"(?:cheaper|smaller|fattier|lower-quality|thinner) (?:\w+ )?(?:blend|product|portion|"
    r"ingredient|box|material)",
    r"(?:customers|clients|users) (?:\w+ ){0,4}(?:didn't|did not|don't) (?:owe|need|use|want)",
    near(r"(?:customers?|clients?|users?|guests?|patients?|people|residents|members|they)",
         r"(?:angry|unhappy|upset|furious|complain\w*|churn\w*|cancel\w*|overcharg\w*|"
         r"charged|paying for|worse|wait\w*|walked|declined|refunds?)", 6),
    r"(?:angry|one-star|bad|negative) reviews", r"decline\w*", r"overturned", r"ombudsman",
    r"(?:wait|waits|waiting) (?:\S+ ){0,4}(?:went|stretched|grew) (?:from|to)",
    r"would have been fine (?:on|with)", r"(?:only|unless they) (?:bring|brought) up",
    r"(?:cheaper|budget) (?:option|plan|model|licence|license)",
    r"(?:fees?|surcharges?) (?:for|on|of)", r"previously (?:been )?free",
    r"(?:complaints|refunds|cancellations) (?:went|were) up",
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
    r"(?:refunded|paid back|credited) (?:every|all|the|them|those)",
)


def profit_over_customer(context: Context) -> list[Hit]:
    if present(_CUSTOMER_REASONING, context.sentences):
        return []
    wins = hits(context, _MONEY_WINS, 0.6)
    decision = hits(context, _MONEY_DECISION, 0.4)
    dismissed = hits(context, _HARM_DISMISSED, 0.45)
    if not (decision or wins):
        return []
    found = wins + decision + dismissed
    return found if total(found) >= FIRES_AT and (wins or dismissed) else []


# --- settling for "good enough" ---------------------------------------------------------
# The idea: acceptance or the letter of the spec is treated as the goal; whether users got
# what they needed is not checked, or their complaints are waved away.

_SETTLED = phrases(
    r"good enough", r"(?:it|that|this|which) met (?:the|all the|every|our) (?:requirements?|"
    r"spec|specification|criteria|acceptance criteria)",
    r"(?:wasn't|weren't|was not|were not|isn't|aren't|not) (?:\w+ )?(?:in|part of) (?:the |our )?"
    r"(?:spec|scope|requirements?|requirements document|acceptance criteria|brief|contract|"
    r"statement of work|original ask|plan|ticket)",
    r"out of scope", r"(?:doing|did|does) exactly what (?:the )?(?:requirements?|spec|ticket) said",
    r"on paper", r"didn't see (?:a|any) reason to change",
    r"(?:that|which|this) was (?:our|the|my) (?:goal|target|bar|brief|kpi|job)",
    r"the bar we'd agreed", r"(?:closed|signed off) the (?:project|ticket)",
    r"(?:ticked|checked) (?:every|all (?:the )?|each) (?:\w+ )?box", r"box(?:es)? (?:were |was )?"
    r"(?:ticked|checked)",
    r"technically (?:met|compliant|done|correct)", r"(?:meets|met) expectations, so",
    r"(?:passed|accepted|approved|signed (?:it )?off|marked it done)(?:\w| |,){0,60}, so (?:i|we) "
    r"(?:signed off|shipped|closed|took|released|went live|delivered|moved on|didn't|left|"
    r"handed over)",
    r"(?:so|and) (?:i|we) (?:closed|signed (?:it )?off|shipped|moved (?:everyone )?on)(?:\w| ){0,30}"
    r"(?:anyway|as (?:it was|is)|on schedule|on time)",
    r"signed (?:it )?off and moved", r"(?:and|then) (?:i )?moved on to the next",
    r"put (?:it|that|those|them) down to the learning curve",
    r"(?:passed|pass) (?:the )?feedback (?:on )?to",
    r"as far as the (?:paperwork|spec|checklist|contract) went",
    r"(?:we|i|it) (?:were|was) (?:technically )?compliant",
    r"(?:didn't|did not|never) (?:check|follow up|look|ask)(?: (?:on|at|into))? (?:whether|"
    r"what|if|how)",
    r"(?:wasn't|weren't) something (?:we|i) (?:tracked|measured|checked)",
    r"what (?:the |my )?manager measured", r"is what (?:i'm|we're|we were|i was) measured on",
    r"shipped it as-?is", r"(?:the )?ticket said", r"(?:the )?acceptance bar",
    r"(?:that|it) was the target and (?:we|i) hit it",
    near(r"(?:installed|built|delivered|configured|done|packed|implemented|tested) (?:exactly )?",
         r"as (?:drawn|specified|agreed|written|scoped|contracted|per (?:the )?(?:spec|contract|"
         r"brief))", 3),
    r"(?:what|exactly what) had been (?:agreed|scoped|specified|signed|asked)",
    r"(?:delivered|did|built) what was (?:scoped|agreed|asked|specified|in the brief)",
    r"held them to (?:that|the|it)", r"(?:matched|met|meets) the (?:signed |agreed )?"
    r"(?:requirements?|spec|brief|contract|criteria)", r"would be a change order",
    r"(?:all )?(?:our |the )?kpis were green", r"since the (?:\w+ )?(?:passed|was met)",
    r"(?:requirement|contract) was met", r"which was my kpi",
    r"(?:got|get) (?:the )?(?:acceptance|sign-off|sign off) (?:certificate |form )?signed",
    r"(?:and|so) (?:i|we) (?:invoiced|closed (?:the job|it out|the project))",
    r"the brief just said", r"not reviewed", r"keeps reviews about facts",
    r"(?:what|that's what) protects you",
)
_ACCEPTED = phrases(
    r"(?:acceptance|uat|qa|regression) (?:test|tests|testing|suite|scripts?)(?:\w| ){0,20}"
    r"(?:passed|signed off|approved)",
    r"(?:passed|signed off|approved|accepted) (?:the |our |their )?(?:\w+ )?(?:acceptance|uat|"
    r"qa|regression|review|test|walkthrough|inspection)",
    r"(?:product|the client|management|the agency|the business|stakeholders|they|qa|the pm|"
    r"the \w+ director) (?:\w+ )?(?:accepted|signed (?:it )?off|approved|marked it done)",
    r"every test case (?:was )?(?:marked )?passed", r"all passed, so",
    r"on time and (?:on|under) budget", r"approved (?:with )?no findings",
    r"got through (?:the )?(?:\w+ )?(?:walkthrough|inspection|review|audit)",
    r"(?:audit )?compliance was 100", r"marked (?:it )?(?:as )?(?:done|resolved|complete)",
    r"(?:scanner|tests?|audit|inspection|review|checklist) (?:passed|came back)",
    r"(?:signed off|approved) (?:every|each|all)", r"(?:legal|the client|the venue|the owner|"
    r"the customer) (?:was|were) satisfied",
)
_USERS_UNHAPPY = phrases(
    r"(?:users|pickers|people|patients|customers|students|staff|clients|instructors|nurses|"
    r"teachers|they|buyers) (?:\w+ ){0,3}(?:told|said|complained|mentioned|reported|asked)",
    r"(?:confusing|hard to (?:read|use|find)|couldn't (?:\w+ ){0,2}(?:find|interpret|read|"
    r"use))", r"(?:were|was) (?:down|worse|slower)", r"(?:a few|some|several) (?:\w+ )?"
    r"(?:complaints|tickets|people)", r"(?:looked|look) (?:wavy|off|wrong|bad)",
    r"probably (?:didn't|did not)", r"timed out",
)
_RAISED_BAR = phrases(
    r"(?:but|yet|however|still),? (?:i|we) (?:\w+ ){0,3}(?:tested|checked|went|borrowed|"
    r"sat|asked|pushed|rebuilt|reworked|fixed|didn't move on|kept)",
    r"(?:not|wasn't|isn't) the same as (?:\w+ ){0,3}(?:getting|working|good)",
)


def good_enough(context: Context) -> list[Hit]:
    settled = hits(context, _SETTLED, 0.6)
    accepted = hits(context, _ACCEPTED, 0.35)
    if not settled and not accepted:
        return []
    if present(_RAISED_BAR, context.story) and not settled:
        return []
    unhappy = hits(context, _USERS_UNHAPPY, 0.3)
    found = settled + accepted + unhappy
    return found if total(found) >= FIRES_AT and settled else []


# --- knowingly leaving a defect -----------------------------------------------------------
# The idea: a known defect, risk or harm stays in place because fixing it was inconvenient.

_LEFT_IN_PLACE = phrases(
    r"(?:it's|its|it is) a feature,? not a bug",
    r"(?:decided|chose|agreed) (?:against (?:it|fixing|reporting)|not to (?:fix|report|open|"
    r"change|escalate|raise|log|touch|redo|replace|recall)|to (?:leave|keep) (?:it|the|them))",
    r"(?:leave|left|keep|kept) (?:the [\w-]+|it|them|that) (?:as (?:it was|is|they were)|"
    r"in place|alone|for now|unfixed|there)",
    r"(?:so )?(?:we|i) (?:just )?left it", r"(?:my lead|he|she|they) (?:says|said) leave it",
    r"(?:let|letting) (?:the|it|them|that) (?:\w+ )?(?:ship|go out|through|slide|ride|stand)",
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
    r"(?:pretty sure|as far as i know|i think) (?:it's|its|it is|that \w+ is|the \w+ is) "
    r"still (?:in there|up|there|live|broken|in place|wrong|happening)",
    r"(?:handled|dealt with|refunded) (?:those|them|the) (?:\w+ )?(?:one by one|case by case|"
    r"as they came|whenever)",
    r"(?:nobody|no one)'s (?:raised|mentioned|noticed|complained about) it since",
    r"(?:decided|chose) to (?:leave|ship|hand over|move on)",
    r"(?:so )?i (?:kept|carried on) (?:running|going|shipping|using)", r"kept running",
    r"(?:decided|agreed|chose) (?:\S+ ){0,3}(?:to launch|to ship|to go live) as (?:it|is)",
    r"(?:set|marked) (?:the )?(?:\S+ ){0,2}to ignored", r"(?:wasn't|was not|isn't) worth "
    r"(?:holding|fixing|delaying|the)",
    r"(?:put|left|parked|moved) (?:the |it |that )?(?:\S+ ){0,2}(?:in|on|into) the (?:backlog|"
    r"roadmap)", r"(?:at )?low priority", r"(?:still|was still) (?:\S+ ){0,2}(?:open|taped|"
    r"broken|there|live|running|unfixed) (?:when|at|the next|six|a|months|weeks)",
    r"(?:hadn't|had not|never) been picked up", r"(?:would|will) upgrade eventually",
    r"(?:made|make) a note to (?:\w+ ){0,4}after", r"had the operators trim",
)
_NOBODY_NOTICED = phrases(
    r"(?:no one|nobody|none of them|no customer|no parents?|no \w+)(?:'s)? (?:\w+ )?(?:had |has |"
    r"ever )?(?:noticed|complained|reported|asked)",
    r"never had an? (?:injury|incident|complaint)", r"(?:the difference|it) was small",
    r"(?:rare|small|minor|edge) case", r"(?:might|may) never (?:occur|happen)",
    r"hardly ever (?:checked|noticed|happens)", r"no complaints came back", r"(?:they|it) held",
    r"returns (?:on \w+ )?(?:were|are) (?:already )?low",
    r"(?:was|were|is) (?:small|minor|rare|tiny|low)", r"(?:stayed|stay|kept) manageable",
    r"nothing happened", r"(?:overall|the) (?:ratings?|numbers?) held", r"(?:still|held) "
    r"(?:clipped|worked|held)", r"didn't ask for a refund",
)
_DEFECT = phrases(
    r"bugs?", r"defects?", r"errors?", r"risks?", r"race condition", r"leaks?", r"overcharg\w*",
    r"mapping error", r"hazard", r"timeouts?", r"timed out", r"wrong", r"drift\w*", r"gap",
    r"glitch", r"crash\w*", r"vulnerab\w*", r"broken", r"faulty", r"issue", r"mistake",
    r"incorrect", r"unsafe", r"dent\w*", r"sag\w*", r"short", r"patchy", r"under-spec",
    r"snapped", r"cracked", r"rounds? up", r"out of date", r"damaged?",
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
    if not left:
        return []
    unnoticed = hits(context, _NOBODY_NOTICED, 0.4)
    found = left + unnoticed
    # One decision to leave it is enough, unless the story later closes the loop.
    needed = FIRES_AT + 0.4 if present(_CLOSED_LOOP, context.story) else 0.7
    return found if total(found) >= needed else []

"""Profit over customer, "good enough", and knowingly leaving a defect in place."""

from __future__ import annotations

import re

from bot.analysis.antipatterns.base import FIRES_AT, Context, Hit, hits, present, total
from bot.analysis.antipatterns.concepts import MONEY
from bot.analysis.cues import near, negated_near, phrases
from bot.analysis.quickstart import compiled

# --- profit over customer ---------------------------------------------------------------
# The idea: the decision is justified by money alone while customers pay for it.

_MONEY = (
    r"(?:revenue|margins?|profits?|profitability|arr|mrr|fees?|income|upsell\w*|"
    r"monetis\w*|monetiz\w*|price increase|pricing|quota|take rate|cost per contact|"
    r"bookings|money|p&l|bottom line|valuation|cash|commission|food cost|unit economics|"
    r"the (?:board|quarterly) (?:deck|number)|our number|the number)"
)
# "Since the commission on it was double" gives a reason; "since the billing deploy the night
# before" gives a time: a reason is a clause, with its verb within a few words.
_SINCE_AS_REASON = (
    r"since(?= (?:[\w'-]{1,30} ){0,4}(?:was|were|is|are|had|has|paid|pays|brought|made|came|"
    r"carried|would)\b)"
)
_MONEY_WINS = phrases(
    r"(?:it )?all comes back to (?:profit|money|revenue|the money)",
    r"(?:we|i) make more money", r"(?:the )?(?:math|maths|numbers) (?:clearly |still )?"
    r"(?:worked|work|works|added up|add up)(?: out)?",
    r"(?:the )?(?:extra |additional |higher |new )?(?:income|revenue|margin|money|profit|"
    r"gain|fees?|savings?)(?: gain)? (?:\w{1,30} ){0,2}(?:more than |easily |many times over |"
    r"still )?(?:covered|outweighed|made up for|paid for|justified|offset)",
    r"(?:more than |easily )?covered (?:it|that|the \w+) many times over",
    r"where the (?:margin|money|profit) is", r"maximi[sz]e (?:profit|revenue|margin)",
    r"grandfathered nobody", r"(?:were|are|was) (?:\w{1,30} )?locked in",
    r"(?:had|have|forced) to (?:upgrade|pay more|buy)",
    r"(?:revenue|margin|arr|income|profit|cash|bookings) (?:is|was|are) what (?:matters|counts|"
    r"keeps|i'm measured|we're measured|the board)",
    r"(?:which|that)(?:'s| is| was) what i(?:'m| am| was) measured on",
    r"because (?:the )?(?:\w{1,30} ){0,3}(?:margin|commission|revenue|cash|profit|bookings|fees?|"
    r"upfront money)(?: on (?:that|it|them))? (?:was|were|is|are|came|brought|front-loaded)",
    r"(?:to|for) (?:protect|hit|grow|boost|lift|front-load|pad|make) (?:the |our |my )?"
    r"(?:\w{1,30} )?(?:margin|revenue|profit|bookings|numbers?|quota|board deck)",
    r"front-load(?:s|ed)? (?:the )?(?:revenue|cash|bookings)", r"(?:but |and )?the cash was in",
    r"(?:works?|worked) (?:out )?in our favou?r", r"cost us (?:that|the|this) revenue",
    r"(?:steered|pushed|nudged|upsold|talked) (?:him|her|them|the client|the customer|"
    r"customers|clients) (?:to|into|towards|onto)",
    r"defensible under the", r"(?:legally|technically|contractually) (?:allowed|fine|"
    r"defensible|covered|compliant)",
    r"(?:most profitable|best margin|highest margin) (?:\w{1,30} )?ever",
    # Money as the stated reason: "because the margin…", "since the commission…".
    near(r"(?:because|" + _SINCE_AS_REASON + ")", r"(?<!customers' )(?<!their )(?<!client's )"
         + MONEY, 6),
    r"(?:where|that's where) the money is", r"leaving money on the table",
    r"(?:the )?numbers (?:made|make) the case", r"(?:paid|pays) the best commission",
    r"(?:matters|matter) most to the business", r"commercially sound",
    r"the (?:one )?number the (?:quarter|year|business) is judged on",
    r"(?:protect|improve|lift|bring down|grow|boost|hit) (?:\S{1,40} ){0,3}" + MONEY,
)
_MONEY_DECISION = phrases(
    r"(?:proposed|decided|recommended|led with|pitched|built a model|moved everyone|removed "
    r"the|retired|raised|increased|cutting|charging|charge|introduced a|added a|switched|"
    r"delisted|went all-in|chose|picked|prioriti[sz]ed) (?:\w{1,30} ){0,8}?" + _MONEY,
    _MONEY + r" (?:target|goal|objective|number|forecast|uplift|gain|growth|went up|"
    r"finished|rose|increase|was up|were up|line)",
    r"(?:grow|growing|lift|lifting|hit|hitting|boost|protect) (?:\w{1,30} ){0,2}" + _MONEY,
    r"(?:\d+ )?points? (?:more|of) margin", r"margin (?:was|is) up",
)
_HARM_DISMISSED = phrases(
    r"(?:churn|attrition|complaints|cancellations|repeat calls|conversion|satisfaction|nps|"
    r"refunds?|refund requests|returns?|return rate)(?:\w| |,|-){0,50}(?:but|which) "
    r"(?:the|we|it|those|that)",
    r"some (?:of them|customers|accounts|users|clients|of the \w+) (?:\w{1,30} )?(?:churned|left|"
    r"complained|asked why|cancelled)",
    r"(?:but|since|as) (?:none of them|no one|nobody|no customer) (?:had |has )?"
    r"(?:complained|noticed)",
    r"(?:measured|counted|tracked) on (?:a )?different (?:team|dashboard)",
    r"technically (?:getting|got|received)", r"the contracts were signed",
    r"conversion (?:dipped|dropped|fell)", r"(?:modelled|modeled|priced in|accepted) "
    r"(?:the )?(?:churn|attrition)", r"(?:churn|attrition) (?:at|of) (?:about )?\d[\d.,]*",
    r"nobody had set up", r"(?:which|that) we'd modelled", r"(?:had|have) to (?:upgrade|pay)",
    r"(?:locked|lock) in", r"(?:refunds?|refund requests|returns|complaints|churn) (?:went|"
    r"were) up", r"customers (?:\w{1,30} ){0,2}(?:loved|preferred|relied on|liked)",
    r"without (?:changing|telling|updating) (?:the )?(?:menu|price|description|label|"
    r"customers|listing)",
    r"(?:overcharg|charg)\w* (?:\w{1,30} ){0,6}(?:customers|clients|accounts|users)",
    r"(?:cheaper|smaller|fattier|lower-quality|thinner) (?:\w{1,30} )?(?:blend|product|portion|"
    r"ingredient|box|material)",
    r"(?:customers|clients|users) (?:\w{1,30} ){0,4}(?:didn't|did not|don't) (?:owe|need|use|want)",
    near(r"(?:customers?|clients?|users?|guests?|patients?|people|residents|members|they)",
         r"(?:angry|unhappy|upset|furious|complain\w*|churn\w*|cancel\w*|overcharg\w*|"
         r"charged|paying for|worse|wait\w*|walked|declined|refunds?)", 6),
    r"(?:angry|one-star|bad|negative) reviews", r"decline\w*", r"overturned", r"ombudsman",
    r"(?:wait|waits|waiting) (?:\S{1,40} ){0,4}(?:went up|stretched|grew) (?:from|to)",
    r"would have been fine (?:on|with)", r"(?:only|unless they) (?:bring|brought) up",
    r"(?:cheaper|budget) (?:option|plan|model|licence|license)",
    r"(?:fees?|surcharges?) (?:for|on|of)", r"previously (?:been )?free",
    r"(?:complaints|refunds|cancellations) (?:went|were) up",
)
_CUSTOMER_REASONING = phrases(
    r"(?:customers?|clients?|users?|members|patients|guests|passengers) (?:\w{1,30} )?(?:needed|need|"
    r"had|have) to (?:be able to )?(?:trust|rely on|understand|know|afford)",
    # Protecting customers from the harm: "no customer paid for it", "made sure no one lost".
    r"(?:no|not one|not a single|none of the) (?:\w{1,30} )?(?:customers?|clients?|users?|members|"
    r"patients|households|tenants|people) (?:\w{1,30} ){0,2}(?:paid|was charged|were charged|"
    r"was overcharged|were overcharged|lost|was affected|were affected|missed out|was hurt)",
    r"(?:make|making|made) sure (?:that )?(?:no|every|each|not one) (?:\w{1,30} )?(?:customers?|"
    r"clients?|users?|members|patients)",
    # "The reason I pushed for it was that these customers were paying for something…"
    near(r"(?:the )?(?:real |main )?reason (?:i|we)|why (?:i|we)", r"(?:customers?|users?|clients?|"
         r"patients|members|they|these \w+) (?:were|was|needed|deserved|had|couldn't|didn't|"
         r"kept)", 10),
    r"(?:effects?|impacts?) on (?:the )?(?:customers?|users?|commuters|patients|residents|members|"
    r"clients|people|families|passengers|guests|tenants)", r"(?<!private )(?<!home )equity",
    r"(?:for|to) (?:the|our) customers?'? (?:sake|benefit|needs?|trust|experience)",
    r"customers? (?:would|will|wouldn't|won't) (?:not )?trust", r"trust (?:us|me)",
    r"fair (?:to|for) (?:customers|them|the customer|users|clients)",
    r"what (?:the |our )?(?:customers?|users?|clients?) (?:actually )?(?:needed|wanted|"
    r"valued|cared about)",
    r"(?:protect|keep|earn|lose|losing|rebuild) (?:their|customer|customers') trust",
    r"(?:i|we) (?:pushed back|argued against|refused|said no)",
    r"(?:customer|client|patient|user|guest|member|passenger|student|tenant)s?'? (?:voice|experience|"
    r"outcomes?|side|perspective|cost|impact|harm|detriment|numbers|pain)",
    # Customers visibly better off: fewer complaints, closures or waits.
    r"(?:complaints|waits?|waiting times?|no-shows|errors) "
    r"(?:\S{1,40} ){0,4}(?:fell|dropped|went down|halved|came down|shortened|decreased)", r"honou?r(?:ed)?",
    r"right thing for", r"out of pocket", r"(?:review|satisfaction|nps|csat) (?:score )?"
    r"(?:went|rose|improved)", r"in the customer'?s? (?:interest|shoes)",
    r"customers (?:receiving|getting|paying for) (?:broken|the wrong)",
    r"(?:best|right) (?:sale|deal|price) (?:is|was) the one", r"thanks? you for",
    r"(?:refunded|paid back|credited) (?:every|all|the|them|those)",
    # Who would pay for it weighed: "squeezed the members who could least afford it".
    r"(?:could|can) (?:least|not|no longer) afford",
    r"so (?:that )?(?:customers?|clients?|users?|members|people|families|patients|tenants|guests)"
    r"(?: \S{1,40}){0,6}? (?:didn't|wouldn't|don't|won't|never|weren't) (?:have to )?(?:pay|paying|be "
    r"charged)",
    r"(?:the )?opposite of why (?:a |an |the |we )",
)


# Money in the broad sense: what the business earns or saves, or an amount of it.
_MONEY_TERM = (
    r"(?:revenue|margins?|profit\w*|fees?|commission|income|bookings|billings?|billable|"
    r"charges|cash|money|sales (?:target|numbers?|figures|revenue|volume)|upsell\w*|arr|mrr|"
    r"pricing|quota|cost per \w+|forecast|mark-?ups?|yield|income target|bonus(?:es)?|"
    r"incentives?|spiffs?|"
    r"paid (?:plans?|tiers?|version|users|customers|accounts)|conversion to paid|financials|"
    r"the (?:business|numbers?|p&l|bottom line)|[$£€]\s?\d[\d,.]{0,20}(?:k|m|bn)?|\d[\d,.]{0,20}"
    r"(?:k|m)? (?:pounds|dollars|euros))"
)
# Money as the reason: "because the margin was triple", "those charges were worth $1.2M, so".
_MONEY_MOTIVE = phrases(
    near(r"(?:because|" + _SINCE_AS_REASON + r"|so that|in order to|to (?:push|protect|grow|hit|lift|"
         r"boost|keep|drive|improve))", _MONEY_TERM, 8),
    _MONEY_TERM + r" (?:was|were|had been) already (?:\w{1,30} )?(?:part of|in|baked into|counted in|"
    r"built into|booked in) (?:the |our )?(?:forecast|plan|numbers|budget)",
    r"(?:behind|short) (?:on|of) (?:our|my|the) (?:\w{1,30} ){0,2}(?:number|target|quota|plan|forecast)",
    # Money named, then the decision it produced: "paid a big bonus on those, so I told…".
    near(_MONEY_TERM, r"so (?:i|we) (?:\w{1,30} )?(?:told|had|made|steered|pushed|moved|switched|"
         r"changed|cut|dropped|removed|raised|set|kept|put|decided|chose|stopped|started)", 8),
    near(r"(?:the )?" + _MONEY_TERM, r"(?:more than |easily |still )?(?:covered|outweighed|"
         r"paid for|justified|made up for) (?:it|that|the \w+)", 3),
    # The money "speaks for itself": the numbers settle the question.
    near(r"(?:the )?(?:numbers|revenue|margins?|profits?|financials|sales|figures|money|p&l)",
         r"(?:said|says|showed|shows|proved|proves|spoke for itself|speaks for itself|justified|"
         r"made (?:it|the case)|were (?:very )?clear)", 3),
    r"(?:permitted|allowed|fine|covered) (?:under|by) (?:our|the) (?:terms|contract|t&cs|policy)",
    r"so (?:that )?we could (?:resell|re-sell|sell|charge|upsell|rebook|re-let|relet) ",
    r"(?:highest|record|biggest|best)[- ]revenue", r"financially it (?:worked|paid off|made sense)",
    _MONEY_TERM + r" (?:\S{1,40} ){0,4}(?:was|were|is|are|came to) (?:worth|roughly|about|triple|"
    r"double|higher|better|bigger|far (?:more|higher|bigger))",
    near(_MONEY_TERM, r"(?:was|were) (?:behind|below|under|short of|down)", 6),
    r"(?:my|our|the) (?:\w{1,30} )?(?:target|goal|kpi|number|objective) (?:that \w+ )?(?:was|"
    r"is) (?:\w{1,30} )?"
    + _MONEY_TERM,
    near(r"(?:would have|would've|'d have) (?:pushed|cost|taken|eaten|lost|"
         r"delayed)", r"(?:billable|"
         r"revenue|margin|invoice|fees?|commission|cash|profit)", 10),
    near(r"(?:right|best|obvious|clear) (?:call|choice|decision|move)", r"(?:for )?(?:the )?"
         r"(?:business|company|numbers|p&l|bottom line)", 2),
    r"(?:which|that) was the (?:number|metric|kpi) i was (?:accountable|measured|paid|bonused)",
)
# What the customers paid for it: charged, waiting, complaining, pushed to what they didn't want.
_CUSTOMER = (
    r"(?:customers?|clients?|users?|members|patients|passengers|guests|subscribers|merchants|"
    r"accounts|buyers|tenants|residents|shoppers|families|students|donors|commuters|the charity|"
    r"pensioners|retirees|regulars|patrons|diners|visitors|callers|finance teams|households|"
    r"parents|consumers|readers|viewers|travell?ers)"
)
# What the business gained, named as the counterweight to the customers' complaint.
_MONEY_GAINED = _MONEY_TERM.replace(r"|the (?:business|numbers?|p&l|bottom line)", r"|the p&l")
_GAIN = (
    r"(?:" + _MONEY_GAINED + r"|financially|commercially|it paid (?:off|for itself)|"
    r"(?:sales|volume|numbers|the target|target|our target|the quarter|"
    r"conversion|renewals?|retention) (?:\w{1,30} )?(?:held|rose|grew|went up|were up|was up|"
    r"improved|hit)|we hit|(?:most )?profitable|the fee|(?:\w{1,30} )?(?:best|record|strongest|"
    r"biggest) (?:year|quarter|month|result|numbers))"
)
# An amount the decision earned or kept: money as its result rather than its stated reason.
_MONEY_GAIN = phrases(
    r"(?:worth|brought in|bringing in|earned|earning|making|made|kept|keeping|added|adding|"
    r"generated|netted|raised) (?:us )?(?:roughly |about |around |over |nearly |almost )?"
    r"(?:[$£€]\s?\d[\d,.]{0,20}[kmb]?n?|\d[\d,.]{0,20} (?:pounds|dollars|euros))",
)
_CUSTOMER_HARM = phrases(
    near(_CUSTOMER, r"(?:were |was |got |being |still |felt )*(?:charged|overcharged|paying|paid for|"
         r"waited|waiting|complain\w*|churn\w*|cancel\w*|missed|lost|bumped|stranded|stuck|"
         r"turned away|re-key\w*|had to|couldn't|confused|angry|unhappy|upset|asked why|misled|"
         r"furious|priced out|pulled out|caught out|blindsided|hadn't realised|hadn't realized|"
         r"didn't realise|didn't realize|stopped working|lost access|couldn't use)", 6),
    r"(?:wait|waits|waiting time|queue)s? (?:for \S{1,40} (?:\S{1,40} )?)?(?:\S{1,40} ){0,3}(?:stretched|grew|"
    r"went up|rose|increased|doubled|tripled) (?:from|to|by)",
    near(r"(?:he|she|they|the (?:client|customer|buyer))", r"wanted (?:the )?(?:cheaper|smaller|"
         r"basic|shorter|simpler|free|lower|standard)", 3),
    r"(?:support tickets|complaints|refund requests|cancellations|repeat calls|one-star "
    r"reviews|churn)(?: \w+){0,3} (?:tripled|doubled|rose|spiked|went up|increased|jumped)",
    r"(?:inventing|invented|unnecessary|unneeded) (?:work|jobs|repairs|extras)",
    # Cutting what customers depend on.
    r"even though (?:\S{1,40} ){0,5}(?:relied|depended|needed|used|counted)",
    near(_CUSTOMER, r"(?:relied|rely|depended|depend|counted|count) on", 3),
    r"cost (?:them|customers|clients|users|members|people) (?:\S{1,40} ){0,4}more",
    r"(?:for|with) (?:basically |essentially |roughly |exactly )?the same (?:speed|service|product|"
    r"thing|plan|coverage|features?)",
    near(r"(?:they|them|customers|clients|users|people|a lot of them|many of them)", r"(?:weren't|"
         r"were not|wasn't) (?:happy|pleased|impressed)", 3),
    # Making it harder to leave, claim or get help.
    r"(?:harder|more difficult|impossible|hard) (?:for (?:\w{1,30} ){0,2})?to (?:find|cancel|leave|"
    r"claim|"
    r"reach|opt out|unsubscribe|get a refund|complain)",
    r"(?:required|require|forced|force|made) (?:\w{1,30} ){0,2}(?:a phone call|to call|to phone|in "
    r"person) to (?:cancel|leave|claim|unsubscribe)",
    r"cancel(?:led|ed|ling)? (?:some |their |the )?(?:\w{1,30} )?(?:bookings|orders|reservations) "
    r"(?:\S{1,40} ){0,6}(?:resell|rebook|re-sell|sell (?:them|the rooms|the seats))",
    r"(?:recommend|sell|push|add) (?:at least )?(?:\w{1,30} )?(?:extra|additional|more) (?:jobs|"
    r"items|products|services|add-ons)",
    r"(?:rating|ratings|satisfaction|nps|csat|scores?|reviews?) (?:\w{1,30} ){0,3}?(?:dropped|fell|"
    r"went down|declined|dipped|slipped|took a hit)",
    r"(?:more|a spike in|a wave of|a lot of|loads of|a flood of|a rise in|a jump in|plenty of) "
    r"(?:\w{1,30} )?(?:complaints|refund requests|cancellations|chargebacks|one-star reviews|"
    r"negative reviews|angry (?:emails|calls|messages)|noise)",
    near(r"(?:stretched|lengthened|doubled|tripled|increased|pushed out|pushed back)", r"(?:the )?"
         r"(?:wait|waits|waiting time|queue|lead time|delivery time)", 3),
    r"overcharg\w*", r"extra (?:per|for each|on every|on each) " + _CUSTOMER.replace("s?", ""),
    r"(?:more expensive|pricier|higher-priced|dearer) (?:tier|plan|package|bundle|option|product|"
    r"version)",
    r"(?:they'd|they would|they had to|would have to) (?:\w{1,30} ){0,2}(?:re-key|rekey|re-enter|pay|"
    r"upgrade|wait|do (?:it|this|that) by hand)",
    # Less for the same money, or protections quietly removed.
    near(r"(?:shrank|shrunk|reduced|cut|smaller|downsized|thinner|cheaper)", r"(?:(?:same|"
         r"unchanged) "
         r"price|keeping the price|price the same|price unchanged|without (?:changing|cutting|"
         r"lowering) the price)", 10),
    r"(?:stopped|stop|removed|dropped|turned off) (?:sending )?(?:the )?(?:\w{1,30} )?(?:reminders?|"
    r"reminder emails|notifications?|warnings?|renewal notices?)",
    r"(?:weren't|were not|wasn't|not) getting (?:anything|any\w*) (?:new|extra|more|for it)",
    r"(?:asked|wondered) what (?:it|the \w+) was for", r"(?:found|felt|called) it (?:pushy|unfair|"
    r"sneaky|a rip-off)", r"auto-?renew\w*", r"overpa(?:y|ying|id)\b",
    near(r"(?:steer\w*|push\w*|nudg\w*|talk\w*|mov\w*)", r"(?:customers?|clients?|users?|"
         r"members|people|them|him|her) (?:\w{1,30} ){0,2}(?:away from|off|out of) (?:the )?(?:\w{1,30} )?"
         r"(?:cheaper|cheap|basic|free|sim-only|standard|lower|smaller)", 2),
    r"(?:only|just|clearly only|really only) needed (?:a |the )?(?:cheap|cheaper|basic|simple|"
    r"smaller|free)",
)


# Customers made to pay more or get less: a fee raised or added, a waiver, grace period or
# return window cut, a feature moved up a tier, no one grandfathered.
_PRICED_AGAINST_THEM = phrases(
    r"(?:raised|increased|hiked|doubled|added|introduced|brought in|started charging|moved) "
    r"(?:\S{1,40} ){0,3}?(?:fees?|surcharges?|charges?|late fees?|booking fees?|penalt(?:y|ies)|"
    r"daily fee|monthly fee|the price|prices|premiums?|deposits?)(?! (?:cap|caps|waiver))",
    r"(?:removed|dropped|cut|scrapped|ended|shortened|stopped) (?:the |our |their |its )?(?:\S{1,40} )"
    r"{0,2}?(?:waiver|discount|free (?:tier|plan|trial|returns?|delivery)|grace period|return window|"
    r"allowance|refunds?|reminder)",
    r"(?:grandfathered|grandfather) (?:nobody|no one|none)",
    r"(?:moved|pushed|put) (?:\S{1,40} ){0,3}?into (?:a |the )?(?:higher|premium|paid|more "
    r"expensive|top|pro|enterprise) (?:tier|plan|package|bundle)",
    r"(?:non-refundable|non-transferable|no refunds)",
    r"pre-?ticked", r"opt(?:ed)?[- ]out by default|by default unless (?:they|customers)",
)


# Customers' objection set against what the business gained: "some complained, but margin…".
_HARM_BUT_GAIN = phrases(
    near(r"(?:" + _CUSTOMER + r"|angry|furious|complain\w*|one-star|bad reviews|upset)",
         r"(?:[\w',-]+ ){0,14}?but (?:the |our |my |we |it )?(?:\w{1,30} ){0,2}?" + _GAIN, 0),
)


# The result told in money or quota alone: "premium income went up £6m", "closed at 112%".
_MONEY_RESULT = phrases(
    _MONEY_TERM + r" (?:\S{1,40} ){0,4}?(?:went up|rose|grew|increased|was up|were up|jumped|"
    r"doubled|tripled|climbed|beat|beat its|hit|exceeded|up by|up \d[\d.,]*)",
    r"(?:closed|finished|ended) (?:the |my |our )?(?:quarter|year|month|half) (?:at|on) \d+ ?%",
    r"(?:hit|beat|smashed|exceeded) (?:my|our|the) (?:\w{1,30} ){0,2}(?:target|quota|number)",
    r"(?:biggest|largest|best|record) (?:\w{1,30} )?(?:commission|bonus|deal|sale|month|quarter|"
    r"year)",
    # The whole amount is taken ("£11m"), so the match ends where the number does.
    r"(?:added|brought in|generated|earned|netted) (?:us )?(?:about |around |roughly |over |"
    r"nearly )?[$£€]\s?\d[\d.,]*(?:k|m|bn)?",
    r"(?:food cost|cost of goods|cogs|loss ratio|cost per \w+|payouts?) (?:\S{1,40} ){0,3}?(?:down to|"
    r"came in at|fell to|dropped to) \d[\d.,]*%?",
    r"[$£€]\s?\d[\d.,]*(?:k|m|bn)? (?:a|per|each) (?:year|month|quarter|week) (?:of|in) (?:extra )?"
    r"(?:margin|revenue|income|profit|fees?|commission)",
    r"(?:useful|new|extra|additional|nice|healthy|steady) (?:income|revenue|profit|fee) (?:line|"
    r"stream|source)", r"(?:got|earned|won|made) (?:a |my |our )?(?:big |nice |record )?bonus",
)
# Customers paying for it, waved away: "they weren't where the money was", "low-margin anyway".
_COST_WAVED_AWAY = phrases(
    r"(?:weren't|were not|wasn't|aren't) where the money (?:was|is)",
    r"(?:low|lower|thin)[- ]margin (?:\w{1,30} ){0,2}anyway",
    r"(?:didn't|did not|doesn't) (?:move|touch|affect) the (?:numbers|metrics?|figures)",
    r"(?:the )?(?:numbers|figures|results) (?:spoke|speak|spoken) for themselves",
    r"(?:they|he|she|customers|clients|users) (?:really |honestly |clearly |probably )?(?:do|did) "
    r"not need",
    r"(?:they|he|she|customers|clients|users) (?:really |honestly |clearly |probably )?(?:don't|"
    r"didn't) (?:really )?need",
    r"(?:which|that) (?:honestly |really |actually )?(?:fit|fitted|suited|served) (?:them|him|her) "
    r"(?:fine|well|perfectly)",
    r"(?:we|i) held the line", r"(?:hidden|surprise|junk) (?:fees?|charges?)",
    r"went to (?:a |the )?competitors?", r"(?:technically|legally) disclosed",
    r"(?:load|loaded|loading|bumped|raised|hiked) (?:\w{1,30} ){0,3}(?:premiums?|prices?|rates?|"
    r"fees?)",
    r"less (?:obvious|visible|clear) (?:how|what|that)",
    # Knowing the customer would not benefit, or would not notice.
    r"(?:i|we) knew (?:\S{1,40} ){0,5}?(?:weren't|wasn't|didn't|don't|wouldn't|won't) (?:really )?"
    r"(?:need|use|on|benefit|help|work|want)",
    r"(?:most|many) (?:\w{1,30} )?(?:people|customers|guests|players|users|clients|patients) "
    r"(?:don't|won't|never|wouldn't|didn't) (?:notice|check|read|compare|bother)",
    r"but (?:\w{1,30} ){0,2}(?:financially|commercially) (?:it|this|that) (?:was|made)",
    r"(?:customers|clients|people|users|members|patients|they) (?:just |simply )?gave up",
    # Their objection answered by what they kept paying: "…complained, but most kept paying",
    # "furious, but we sold out anyway", "named us, but it didn't show up in the numbers".
    r"but (?:\w{1,30} ){0,2}?(?:most|the rest|the majority|nearly everyone|everyone else|the others)"
    r"(?: of (?:them|the \w+))? (?:still |just |happily )?(?:paid|kept paying|kept (?:it|them|the "
    r"\w+)|stayed|renewed|bought|went ahead|took (?:it|them)|accepted|came back)",
    r"but (?:we|it|they) (?:still )?(?:sold out|sold through|hit (?:the |our )?(?:\w{1,30} )?target|"
    r"filled|made (?:the|our) (?:number|target)s?)(?: \w+){0,2} anyway",
    r"(?:didn't|did not|never) (?:show up|register|make a dent|dent|hurt|touch) (?:in |on )?(?:the |"
    r"our )?(?:\w{1,30} )?(?:numbers|bookings|sales|revenue|data|figures|conversion|retention|"
    r"renewals)",
    r"(?:they|customers|members|users|clients|he|she)(?:'d| had| have)? (?:already )?(?:all )?"
    r"(?:agreed|signed up|consented) (?:to )?(?:the |our |those )?(?:terms|contract|t&cs|"
    r"conditions|small print)",
    r"(?:no|never any) shortage of (?:people|customers|buyers|fans|clients) (?:\w{1,30} )?(?:willing|"
    r"happy|ready|prepared) to pay",
    # An objection overruled by the number: "…argued it was too short, but the target was clear".
    r"but (?:the )?(?:\w{1,30}'s )?(?:target|numbers?|revenue|margin|quota|budget) (?:was|were) "
    r"(?:very |pretty )?(?:clear|what mattered|what counted)",
)


# What customers went through, then "but" and anything other than the speaker putting it right:
# "some parents complained, but the policy was in the contract", "our rating slipped a little,
# but the owner was delighted with the margin".
_PUT_RIGHT = re.compile(
    r"^,? ?(?:then |so )?(?:i|we)(?: \w+){0,2}? (?:refund\w*|revers\w*|chang\w*|fix\w*|apologi\w*|"
    r"roll\w* (?:it |them )?back|restor\w*|reinstat\w*|contact\w*|call\w*|offer\w*|compensat\w*|"
    r"listen\w*|went back|undid|dropp\w*|scrap\w*|paus\w*|stopp\w*|brought back|wrote to|"
    r"reached out|reworked|adjust\w*|waiv\w*|exempt\w*|look\w* into|took (?:it|that|this) "
    r"(?:seriously|on board))"
)
_BUT = re.compile(r"(?:,|;|\s-)? but\b")


def _harm_waved_by_but(context: Context) -> list[Hit]:
    found: list[Hit] = []
    for hit in hits(context, _CUSTOMER_HARM, 0.5, keep_discounted=True):
        if _denied(hit):
            continue
        low = hit.sentence.low
        turn = _BUT.search(low, max(0, low.find(hit.cue)))
        if turn is None:
            continue
        rest = low[turn.end():]
        if len(rest.split()) >= 3 and not _PUT_RIGHT.match(rest.lstrip()):
            found.append(Hit(hit.sentence, 0.5, hit.cue, id(_BUT)))
    return found


_DENIAL = re.compile(r"(?:\bno|\bnot one|\bnot a single|\bnone of the|\bnever|\bwithout) "
                     r"(?:\w{1,30} )?$")


def _denied(hit: Hit) -> bool:
    """"Not one customer was overcharged": the harm did not happen."""
    start = hit.sentence.low.find(hit.cue)
    return start >= 0 and bool(_DENIAL.search(hit.sentence.low[max(0, start - 30):start]))


# Someone else's money motive, which the speaker then argues against or works around.
_THEIR_MOTIVE = re.compile(
    r"^(?:\w{1,30} ){0,4}?(?:(?:the|my|our|his|her|their) (?:\w{1,30} ){0,3}?)?(?:team|manager|director|"
    r"finance|ceo|cfo|leadership|board|sales|company|owner|boss|publisher|client|head office|"
    r"area manager|vp)(?:'s| (?:liked|wanted|suggested|asked|pushed|proposed|preferred))"
)


def _theirs(found: list[Hit]) -> list[Hit]:
    return [h for h in found if not _THEIR_MOTIVE.search(h.sentence.low)]


def profit_over_customer(context: Context) -> list[Hit]:
    wins = _theirs(hits(context, _MONEY_WINS, 0.6))
    decision = hits(context, _MONEY_DECISION, 0.4)
    motive = _theirs(hits(context, _MONEY_MOTIVE, 0.6))
    gain = hits(context, _MONEY_GAIN, 0.4)
    # "Some complained, but revenue beat the target": the harm and the money in one breath.
    weighed = hits(context, _HARM_BUT_GAIN, 0.6, keep_discounted=True)
    money_result = hits(context, _MONEY_RESULT, 0.5, keep_discounted=True)
    # The result counted in money, and the customers' cost in the story waved away.
    waved_away = (
        hits(context, _COST_WAVED_AWAY, 0.5) + _harm_waved_by_but(context) if money_result else []
    )
    money_led = bool(money_result and waved_away)
    if not (decision or wins or motive or weighed or gain or money_result):
        return []
    dismissed = hits(context, _HARM_DISMISSED, 0.45)
    # What customers went through is a fact of the story, not a stance, so a following "but"
    # does not cancel it.
    harm = [h for h in hits(context, _CUSTOMER_HARM, 0.4, keep_discounted=True)
            if not _denied(h)]
    priced = hits(context, _PRICED_AGAINST_THEM, 0.4)
    # The result counted in money, from customers paying more or getting less.
    priced_in = bool(priced and (money_result or gain))
    found = wins + decision + dismissed + motive + harm + weighed + gain
    if money_led:
        found += money_result + waved_away
    if priced_in:
        found += priced + money_result
    if total(found) < FIRES_AT:
        return []
    # Money is the stated reason (or the amount earned is set against repeated harm), and
    # customers visibly pay for the decision.
    money_side = wins or motive or weighed or (gain and len(harm) >= 2) or money_led or priced_in
    if not (money_side and (dismissed or harm or wins or weighed or money_led or priced_in)):
        return []
    return [] if present(_CUSTOMER_REASONING, context.sentences) else found


# --- settling for "good enough" ---------------------------------------------------------
# The idea: acceptance or the letter of the spec is treated as the goal; whether users got
# what they needed is not checked, or their complaints are waved away.

# The written bar itself (not a target or a number, which met is simply a result).
_WRITTEN_BAR = (
    r"(?:spec|specs|specification|requirements?|(?:acceptance )?criteria|contract|brief|purchase "
    r"order|po|order|sow|statement of work|scope|checklist|paperwork)"
)
# The letter of what was written down, declared as the finish line, unless the speaker
# then goes past it ("The chair met the spec, so technically nothing was wrong. But…").
_LETTER_MET = phrases(
    r"(?<!still )(?<!also )(?:met|matched|meets|satisfied|fulfilled|compliant with|delivered (?:exactly )?(?:to|per|"
    r"against)|built (?:exactly )?to) (?:the|our|their|its|every (?:line of the)?) (?:\w{1,30} )?"
    + _WRITTEN_BAR + r"(?!\w)(?! (?:and|but) (?:then )?(?:i|we) (?:also|went|checked|asked|watched))",
    r"(?:the )?" + _WRITTEN_BAR + r" (?:didn't|did not|doesn't|does not|never) (?:require|ask for|"
    r"cover|include|specify|mention|call for)",
)
_GOES_PAST = re.compile(
    r"^(?:but|however|yet|still|that said|what (?:bugged|bothered|worried) me)\b|, but\b"
)
_SETTLED = phrases(
    r"(?:wasn't|weren't|was not|were not|isn't|not) (?:\w{1,30} )?(?:in|part of|covered by|within) "
    r"(?:the |our |their )?(?:\w{1,30} )?" + _WRITTEN_BAR + r"(?!\w)",
    r"exactly what (?:it|they|the \w+|he|she) (?:asks|asked|asks for|asked for),? no more(?: and| or|,)"
    r" no less",
    # The one number that was measured, and nothing after it.
    r"(?:we|i) (?:were|was|are|am) (?:measured|judged|assessed|paid|bonused) on",
    r"(?:and|so|then),? (?:i |we )?moved on to (?:the )?next",
    r"(?:didn't|did not|never|don't|do not) (?:track|measure|check|look at|follow up on|follow) "
    r"(?:\w{1,30} ){0,3}?(?:repeat|whether|what happened|if |outcomes?|satisfaction|uptake|results?|"
    r"how (?:it|they|the))",
    r"(?:can't|cannot|couldn't) (?:really )?(?:say|tell) (?:what happened|whether|if|how (?:it|they|"
    r"many|much))",
    r"(?:don't|didn't|do not|did not) know (?:what|how|whether|if) (?:the )?(?:uptake|outcome|impact|"
    r"effect|result|usage|adoption)",
    r"(?:my|our|the) (?:job|task|role|aim|brief) was (?:just |simply |only )?to hit (?:the|my|our) "
    r"(?:number|target|kpi|figure|quota)",
    r"(?:didn't|did not) (?:think|see) (?:that )?(?:we|i|there was a) (?:\w{1,30} )?(?:needed|need|"
    r"reason|point) to (?:go back|check|look|revisit|review|re-?check)",
    r"good enough", r"(?:it|that|this|which) met (?:the|all the|every|our) (?:requirements?|"
    r"spec|specification|criteria|acceptance criteria)",
    r"(?:wasn't|weren't|was not|were not|isn't|aren't|(?:it's|that's|which is|which was|as it "
    r"was|since it was|because it was) not) (?:\w{1,30} )?(?:in|part of) (?:the |our )?"
    r"(?:spec|scope|requirements?|requirements document|acceptance criteria|brief|contract|"
    r"statement of work|original ask|plan|ticket)",
    r"out of scope", r"(?:doing|did|does) exactly what (?:the )?(?:requirements?|spec|ticket) said",
    r"(?:covered|met|compliant|complete|done|correct|fine|passed|ticked)(?:\w| |,){0,30} on paper",
    r"on paper,? (?:it|we|the \w+) (?:\w{1,30} )?(?:met|passed|complied|(?:was|were) (?:compliant|"
    r"fine|done|complete|correct))",
    r"didn't see (?:a|any) reason to change",
    r"(?:that|which|this) was (?:our|the|my) (?:goal|target|bar|brief|kpi|job)",
    r"the bar we'd agreed", r"(?:closed|signed off) the (?:project|ticket)",
    r"(?:ticked|checked) (?:every|all (?:the )?|each) (?:\w{1,30} )?box", r"box(?:es)? (?:were |was )?"
    r"(?:ticked|checked)",
    r"technically (?:met|compliant|done|correct)", r"(?:meets|met) expectations, so",
    r"(?:passed|accepted|approved|signed (?:it )?off|marked it done)(?:\w| |,){0,60}, so (?:i|we) "
    r"(?:signed off|shipped|closed|took|released|went live|delivered|moved on|didn't|left|"
    r"handed over)",
    r"(?:so|and) (?:i|we) (?:closed|signed (?:it )?off|shipped|moved (?:everyone )?on)(?:\w|"
    r" ){0,30}"
    r"(?:anyway|as (?:it was|is)|on schedule|on time)",
    r"signed (?:it )?off and moved", r"(?:and|then) (?:i )?moved on to the next",
    r"put (?:it|that|those|them) down to the learning curve",
    r"(?:passed|pass) (?:the )?feedback (?:on )?to",
    r"as far as the (?:paperwork|spec|checklist|contract) went",
    r"(?:we|i|it) (?:were|was) (?:technically )?compliant",
    r"(?:didn't|did not|never) (?:check|follow up|look|ask)(?: (?:on|at|into))? (?:whether|"
    r"what|if|how)",
    r"(?:wasn't|weren't) something (?:we|i) (?:tracked|measured|checked)",
    r"what (?:the |my )?manager measured", r"(?:is|was) what (?:i'm|we're|we were|i was|i am|"
    r"we are) (?:measured|judged|assessed) on",
    r"shipped it as-?is", r"(?:the )?ticket said", r"(?:the )?acceptance bar",
    r"(?:that|it) was the target and (?:we|i) hit it",
    near(r"(?:installed|built|delivered|configured|done|packed|implemented|tested) (?:exactly )?",
         r"as (?:drawn|specified|agreed|written|scoped|contracted|per (?:the )?(?:spec|contract|"
         r"brief))", 3),
    r"(?:what|exactly what) had been (?:agreed|scoped|specified|signed|asked)",
    r"(?:delivered|did|built) what was (?:scoped|agreed|asked|specified|in the brief)",
    r"held them to (?:that|the|it)", r"(?:matched|met|meets) the (?:signed |agreed )?"
    r"(?:requirements?|spec|brief|contract|criteria)", r"would be a change order",
    r"(?:all )?(?:our |the )?kpis were green", r"since the (?:\w{1,30} )?(?:passed|was met)",
    r"(?:requirement|contract) was met", r"which was my kpi",
    r"(?:got|get) (?:the )?(?:acceptance|sign-off|sign off) (?:certificate |form )?signed",
    r"(?:and|so) (?:i|we) (?:invoiced|closed (?:the job|it out|the project))",
    r"the brief just said", r"not reviewed", r"keeps reviews about facts",
    r"(?:what|that's what) protects you",
)
_ACCEPTED = phrases(
    r"(?:acceptance|uat|qa|regression) (?:test|tests|testing|suite|scripts?)(?:\w| ){0,20}"
    r"(?:passed|signed off|approved)",
    r"(?:passed|signed off|approved|accepted) (?:the |our |their )?(?:\w{1,30} )?(?:acceptance|uat|"
    r"qa|regression|review|test|walkthrough|inspection)",
    r"(?:product|the client|management|the agency|the business|stakeholders|they|qa|the pm|"
    r"the \w+ director) (?:\w{1,30} )?(?:accepted|signed (?:it )?off|approved|marked it done)",
    r"every test case (?:was )?(?:marked )?passed", r"all passed, so",
    near(r"(?:the |our |their |my )?(?:\w{1,30} ){0,2}(?:owner|director|manager|lead|client|customer|"
         r"sponsor|stakeholders?|board|committee|reviewer|pm|po)", r"(?:approved|accepted|signed "
         r"(?:it |this |that |the \w+ )?off|okayed|green-?lit) (?:it|the|this|that|them)", 1),
    r"on time and (?:on|under) budget", r"approved (?:with )?no findings",
    r"(?:signed off|approved|passed|cleared)(?: \S{1,40}){0,4} (?:with )?no findings",
    r"got through (?:the )?(?:\w{1,30} )?(?:walkthrough|inspection|review|audit)",
    r"(?:audit )?compliance was 100", r"marked (?:it )?(?:as )?(?:done|resolved|complete)",
    r"(?:scanner|tests?|audit|inspection|review|checklist) (?:passed|came back)",
    r"(?:signed off|approved) (?:every|each|all)", r"(?:legal|the client|the venue|the owner|"
    r"the customer) (?:was|were) satisfied",
)
_USERS_UNHAPPY = phrases(
    r"(?:users|pickers|people|patients|customers|students|staff|clients|instructors|nurses|"
    r"teachers|they|buyers|residents|members|callers|parents|guests|fee earners|undergraduates) "
    r"(?:\w{1,30} ){0,3}(?:told|said|complained|mentioned|reported|asked|asking|complaining|"
    r"saying|ringing|phoning|calling)",
    r"(?:still|continued to) (?:went|go|going|arrived?|ran|run|came) (?:\S{1,40} ){0,4}(?:late|"
    r"next (?:day|morning)|wrong|broken)",
    r"(?:confusing|hard to (?:read|use|find)|couldn't (?:\w{1,30} ){0,2}(?:find|interpret|read|"
    r"use))", r"(?:were|was) (?:down|worse|slower)", r"(?:a few|some|several) (?:\w{1,30} )?"
    r"(?:complaints|tickets|people)", r"(?:looked|look) (?:wavy|off|wrong|bad)",
    r"probably (?:didn't|did not)", r"timed out",
)
# Users or quality visibly suffered: people struggling, complaining, not using it.
_AFFECTED = (
    r"(?:users?|people|patients|customers?|students|staff|clients?|members|residents|guests|"
    r"workers|colleagues|technicians|engineers|starters|parents|callers|"
    r"delegates|attendees|buyers|readers|viewers|pupils|learners|employees|agents|nurses|"
    r"teachers|operators|drivers|pickers|managers|accounts|a few|some|several|many|most)"
)
_QUALITY_GAP = phrases(
    near(_AFFECTED, r"(?:complain\w*|confus\w*|frustrat\w*|struggl\w*|couldn't|could not|"
         r"weren't using|stopped using|didn't use|not using|hard to|asked why|"
         r"left (?:\w{1,30} )?reviews|"
         r"reviews? saying|mentioned|told us|came back|got stuck|gave up|were unhappy|"
         r"were annoyed|didn't understand|had trouble|(?:getting )?lost|(?:still )?(?:didn't|did "
         r"not|don't) know how|told me|still waited|waited|said)", 6),
    r"(?:too slow|too high|too stiff|too small|too long|leaking|broken lids|stiff|unreadable|"
    r"clunky|unusable)", r"copied (?:\w{1,30} ){0,3}(?:from|word for word|off)",
    r"(?:took|takes|taking) (?:almost |about |nearly |over |around )?(?:a minute|\d+ (?:seconds|"
    r"minutes)|an hour)",
    r"(?:kept|were|started) (?:opening|raising|logging|filing|sending) (?:\w{1,30} )?(?:tickets|"
    r"complaints|calls|queries)", r"(?:gone|went) back to (?:their|the) (?:own |old )?",
    r"(?:didn't|did not|doesn't) match what (?:they|users|customers|people)",
)
# The formal bar used as the defence: "only specified", "the brief just said", "on paper".
_FORMAL_BAR = (
    r"(?:spec|specification|brief|contract\w*|requirements?|(?:acceptance )?criteria|checklist|"
    r"paperwork|order form|kpis?|sla|sign-?off|scope|ticket|statement of work|sow|drawings?|"
    r"standard|tender|rubric|test (?:cases|scripts)|uat|measure|metric|target|agreement|order|"
    r"purchase order|specs)"
)
_SPEC_DEFENCE = phrases(
    near(r"(?:technically|strictly|literally|exactly|precisely)", _FORMAL_BAR, 4),
    near(_FORMAL_BAR, r"(?:only|just) (?:said|specified|asked|required|covered|called|mentioned|"
         r"tested|listed|measured)", 4),
    near(r"(?:everything|every (?:item|line|box|requirement|point)|all the (?:items|requirements|"
         r"boxes|points))", r"(?:in|on|listed in|from) (?:the |our |their )?(?:[\w-]+ )?"
         + _FORMAL_BAR, 3),
    # What was not written down was not owed.
    r"(?:wasn't|weren't|was not|were not|hadn't been|had not been|isn't|not) (?:\w{1,30} )?(?:specified|"
    r"included|listed|mentioned|covered|required|asked for|written) (?:in|by|as part of) (?:the |"
    r"our |their )?(?:[\w-]+ )?" + _FORMAL_BAR,
    r"(?:none|nothing) of (?:that|this|it|those) (?:was|were) (?:in|part of) (?:the |our |their )?"
    r"(?:[\w-]+ )?" + _FORMAL_BAR,
    r"(?:done|did|delivered|built|provided) (?:exactly )?what (?:the |our |their )?(?:[\w-]+ )?"
    + _FORMAL_BAR + r" (?:asked|said|required|specified|called) ",
    r"(?:had been|was|were) (?:approved|signed off|accepted|passed)(?:\w| |,){0,30}, so (?:i|we)",
    near(_FORMAL_BAR, r"(?:had been|have been|were|was|all) (?:met|satisfied|fulfilled|green|"
         r"hit|achieved)", 3),
    r"nobody had (?:specified|asked for|defined|set|mentioned) (?:a |any )?",
    # "The scope was migration, not rewriting."
    r"(?:the )?(?:scope|brief|spec|ticket|job|task|contract|remit|ask|requirement) (?:was|said|"
    r"covered) (?:\S{1,40} ){1,4}not (?:\w+ing|the|a)",
    r"(?:it was|that was|this was) what (?:had been|was|they|we|the \w+) (?:asked|agreed|"
    r"specified|requested|ordered)",
    r"\w+ (?:was|is) the (?:number|metric|measure|kpi|target)(?: that (?:mattered|"
    r"counted))?(?=[,.;]| "
    r"and| so|$)", r"(?:it|that|this|the \w+) was green",
    # The agreed number was reached, so it went out.
    r"(?:hit|met|reached|achieved|passed|cleared) (?:\S{1,40} ){0,6}?(?:target|rate|bar|threshold|"
    r"measure|kpi|criteria|sla)(?:[\w%' -]){0,40}?, so (?:we|i) ",
    r"(?:had|has) (?:already )?(?:approved|signed off|accepted|passed) (?:it|them|the \w+)"
    r"(?:\w| |,){0,60}, so (?:i|we)",
    # The measure redefined until it is met: "a ticket counted as 'responded' once…".
    r"(?:counted|count|counts|marked|logged|classed) as (?:'|\")?(?:responded|resolved|done|complete|"
    r"closed|answered|handled|delivered)",
    r"within (?:the |our )?(?:policy|spec|contract|sla|agreed) (?:threshold|limit|tolerance|range)",
    r"(?:the )?(?:audit|auditors?|inspection|review|checker) (?:hadn't|had not|didn't|did not|never) "
    r"(?:flagged|found|raised|picked up) (?:anything|any)",
    near(_FORMAL_BAR, r"(?:tested|covered|checked|specified|said|asked for|measured) (?:\S{1,40} ){0,4}"
         r"but not", 4),
    r"(?:was|is) (?:the|my|our) (?:measure|metric|target|kpi) (?:the |that |my |our )?(?:\w{1,30} )?"
    r"(?:cared about|looked at|tracked|wanted)",
)
# The users' trouble declared someone else's, or outside what was measured: "relevancy wasn't
# one of the acceptance criteria", "carrier scans are a different report", "that's tracked by
# customer services rather than us", "the indicator went green".
_NOT_OUR_MEASURE = phrases(
    r"(?:wasn't|isn't|was not|is not|weren't|aren't) (?:one of |part of |on |in |among |a )?(?:the |"
    r"our |my )?(?:[\w-]{1,30} )?(?:acceptance criteria|criteria|requirements?|spec|list|scope|brief|"
    r"kpis?|indicators?|contract|remit|checklist|sla|targets?)\b",
    r"(?:belongs|belonged) to (?:the|another|a different|a separate) (?:[\w-]{1,30} ){0,2}team",
    r"(?:tracked|measured|counted|reported|handled|owned|picked up) by (?:\w{1,30} ){0,2}(?:rather "
    r"than|not) (?:us|me|my team|our team)",
    r"(?:is|was|are|were) (?:a |on a )?(?:different|separate) (?:report|metric|measure|team|"
    r"department|budget|kpi|dashboard|contract)",
    r"(?:was|is) what (?:they|the \w+|the \w+ \w+|we|i) (?:had )?(?:asked for|wanted|measured)",
    r"(?:built|designed|written|set up) to pass (?:\w{1,30} ){0,2}(?:cert|certification|the audit|"
    r"inspection|review|the test|the check)",
    r"(?:indicator|kpi|report|metric|dashboard|rag status|status|project|measure) (?:\w{1,30} )"
    r"{0,3}(?:went|showed|turned|closed|was|stayed) green",
)


def _trouble_answered_by_scope(context: Context, unhappy: list[Hit]) -> list[Hit]:
    """"Not our measure" said of users' trouble (`unhappy`) told in the same or the previous
    sentence; said alone ("mobile wasn't in scope, and I could have quoted it…") it is often a
    step up."""
    trouble = {h.sentence.index for h in unhappy}
    return [
        h for h in hits(context, _NOT_OUR_MEASURE, 0.5)
        if h.sentence.index in trouble or h.sentence.index - 1 in trouble
    ]


# The speaker declares it done and stops there.
_DONE = phrases(
    r"(?:from my side|as far as i was concerned|for me|on our side|from our side|on my side|"
    r"from our end|in my view),? (?:it|the (?:job|work|project|deals?|deliverables?|task)|that|"
    r"my (?:part|job)) (?:was|were) (?:\w{1,30} )?(?:finished|done|complete|closed|clean|over|fine)",
    r"(?:reported|declared|called|marked|treated|considered|counted) (?:it|the \w+|that|my "
    r"(?:part|bit|work|job)) (?:as )?(?:a )?(?:done|finished|complete|closed|success)",
    r"that was the end of it",
    r"(?:call|called|calling|count|counted|consider|considered|report|reported|chalk) (?:it|this|"
    r"that) (?:up )?(?:as )?(?:a )?(?:success|win|done|complete)",
    near(r"(?:so|and) (?:i|we)", r"(?:closed (?:it|out|the (?:project|ticket|story|job|case|"
         r"event|engagement|contract|work order|task|issue|epic))|invoiced|sent (?:my|the|our) "
         r"invoice|moved on(?:to)?|picked up the next|moved onto)", 4),
    r"(?:so|and) (?:i|we) (?:didn't|did not|never) (?:change|fix|touch|revisit|redo|rework) "
    r"(?:anything|it|a thing|them)",
    r"(?:left|kept) (?:it|the \w+|them) as (?:it was|is|they were)",
    r"(?:deliver|ship|launch|hand|releas|submitt?)\w*(?: it| them)?(?: over)? as (?:it was|is|they "
    r"were)", r"(?:handed over|delivered|shipped|launched|went live|released) on (?:time|schedule)",
)
_RAISED_BAR = phrases(
    r"(?:but|yet|however|still),? (?:i|we) (?:\w{1,30} ){0,3}(?:tested|checked|went|borrowed|"
    r"sat|asked|pushed|rebuilt|reworked|fixed|didn't move on|kept)",
    # Not satisfied by the sign-off: going to see how real users fare.
    r"(?:wasn't|was not|weren't|not) (?:sure|convinced|satisfied|happy) (?:that |whether |if )?",
    near(r"(?:i|we)", r"(?:sat (?:in|with)|shadow\w*|watched|observed|interviewed|visited|"
         r"ran (?:\w{1,30} )?(?:sessions|usability tests|user tests)|spent (?:a|an|the|two|three) "
         r"\w+ (?:with|at|on)|checked (?:in )?with (?:the |real |actual )?(?:users|customers|"
         r"staff))",
         3),
    r"(?:not|wasn't|isn't) the same as (?:\w{1,30} ){0,3}(?:getting|working|good)",
    # Going out to where the users are: "I went out with three customers and watched them try".
    r"(?:i|we) (?:\w{1,30} ){0,2}?went (?:out|down|on site|onto|into|to see)(?: \S{1,40}){0,4}? with "
    r"(?:\w{1,30} ){0,2}(?:customers|users|clients|farmers|drivers|nurses|staff|players|residents|"
    r"patients|teachers|students|people)",
    r"watched (?:them|customers|users|people|clients|staff|the \w+) (?:\w{1,30} )?(?:try|use|using|"
    r"work|working|struggle)",
)


# "My manager said it was good enough": someone else's verdict, which the speaker may go past.
_THEIR_VERDICT = compiled(
    r"(?:\bhe|\bshe|\bthey|\bmy \w+|\bthe \w+|\bour \w+) (?:\w{1,30} )?(?:said|thought|felt|"
    r"told (?:me|us)|reckoned|argued|insisted|decided|called it)(?: that)?(?: (?:it|this|that|the "
    r"\w+) (?:was|is|were))? good enough"
    r"|\b(?:my|the|our|his|her|their) (?:\w{1,30} ){0,2}?\w+'s (?:view|position|line|take|stance|"
    r"answer|verdict) (?:was|had been)"
)


def good_enough(context: Context) -> list[Hit]:
    raised_bar = present(_RAISED_BAR, context.story)
    # "I didn't think 'within permit' was good enough" raises the bar instead.
    letter_met = [
        h for h in hits(context, _LETTER_MET, 0.6)
        if not _GOES_PAST.search(h.sentence.low) and not any(
            _GOES_PAST.match(s.low) for s in context.after(h.sentence)[:2])
    ]
    if raised_bar:
        letter_met = []
    settled = letter_met + [
        h for h in hits(context, _SETTLED, 0.6)
        if not (
            (h.cue == "good enough" and negated_near(h.sentence, h.sentence.low.find(h.cue), 40))
            or (_THEIR_VERDICT.search(h.sentence.low) and raised_bar)
        )
    ]
    # Users' trouble is a fact of the story: a following "but" does not cancel it.
    unhappy = hits(context, _USERS_UNHAPPY, 0.3, keep_discounted=True)
    unhappy += hits(context, _QUALITY_GAP, 0.3, keep_discounted=True)
    defended = hits(context, _SPEC_DEFENCE, 0.5) + _trouble_answered_by_scope(context, unhappy)
    done = hits(context, _DONE, 0.4)
    accepted = hits(context, _ACCEPTED, 0.35)
    if not (settled or defended or done or accepted):
        return []
    if raised_bar and not settled:
        return []
    found = settled + defended + done + accepted + unhappy
    if total(found) < FIRES_AT:
        return []
    # The letter of the spec, or "done", is the defence; and users or quality paid for it.
    if settled:
        return found
    return found if (defended or done) and (unhappy or accepted) else []


# Carrying on is the speaker's choice only when someone else is not the subject.
_NOT_THEM = r"(?<!they )(?<!team )(?<!he )(?<!she )(?<!staff )(?<!users )(?<!people )"

# --- knowingly leaving a defect -----------------------------------------------------------
# The idea: a known defect, risk or harm stays in place because fixing it was inconvenient.

_LEFT_IN_PLACE = phrases(
    r"(?:it's|its|it is) a feature,? not a bug",
    r"(?<!\bhe )(?<!\bshe )(?<!\bthey )(?:decided|chose|agreed) (?:against (?:it|fixing|reporting)|not to (?:fix|report|open|"
    r"change|escalate|raise|log|touch|redo|replace|recall)|to (?:leave|keep) (?:it|the|them)"
    r"(?! (?:\S{1,40} )?(?:to (?:ourselves|myself|us)|quiet|secret|between)))",
    r"(?:leave|left|keep|kept) (?:it|them|that|(?:the|those|these|our|their|its) (?:[\w-]+ ){0,2}?"
    r"[\w-]+) (?:as (?:it was|is|they were)|in place|alone|for now|unfixed|untouched|unchanged|"
    r"there)",
    r"(?:so )?(?:we|i) (?:just )?left it(?! (?:for|to|with|off|out) )",
    r"(?:left|leave|parked|put off|held off on) (?:\S{1,40} ){0,2}until (?:the )?(?:next|new|following) "
    r"(?:financial year|year|quarter|budget|month|refit|season|contract)", r"(?:my lead|he|she|"
    r"they) (?:says|said) leave it",
    r"(?<!\bhad )(?:let|letting) (?:the|it|them|that) (?:\w{1,30} )?(?:ship|go out|through|slide|ride|"
    r"stand|go)",
    r"(?<!\bhad )(?:let|letting) (?:it|that|this) (?:run|continue|stay)(?![\w'])",
    # The rest deferred to some later piece of work: "left the other six for the refresh".
    r"(?:left|leave|leaving|saved|held|parked|kept) (?:the )?(?:other|rest|remaining|others)(?: of "
    r"(?:them|the \w+))?(?: \w+)? (?:\w{1,30} ){0,2}?(?:for|until|till) (?:the |a |our |next )?"
    r"(?:next|later|refresh|rewrite|redesign|update|release|version|overhaul|rebuild|future|"
    r"following|new)",
    # Never reported or chased: "never actually logged it with IT", "didn't bother chasing".
    r"(?:didn't|did not|never) (?:actually |even |really |bother to |get round to )?(?:log|report|"
    r"raise|flag|file|escalate) (?:it|this|that|them)\b",
    r"(?:didn't|did not|never) (?:log|report|record|write) (?:it|this|that) (?:anywhere|down|up)",
    r"(?:nobody|no one|none of us) (?:ever )?(?:got round to|bothered|thought to) (?:logging|"
    r"reporting|fixing|raising|chasing|flagging|escalating)",
    r"(?:didn't|did not|never) bother(?:ed)? (?:chasing|fixing|reporting|logging|raising|"
    r"escalating|replacing|repairing)",
    # A safety control switched off to keep things moving.
    r"(?:switched|turned|shut) off (?:the |that |its |their )?(?:\w{1,30}'s )?(?:\w{1,30} )?(?:alarm|"
    r"alert|sensor|interlock|guard|warning|check)s?",
    r"(?:switched|turned|shut) (?:the |that |its )?(?:\w{1,30} )?(?:alarm|alert|sensor|interlock|"
    r"warning)s? off",
    r"(?:wedged|propped|taped|tied) (?:it|the \w+(?: \w+)?|that \w+) open",
    r"(?:logged|marked|filed|listed) (?:it |the \w+ )?as (?:a )?known (?:issue|limitation|bug)",
    r"(?:still|is still|remains) (?:sitting )?in the backlog", r"never (?:got )?(?:fixed|"
    r"addressed|resolved)",
    r"(?:didn't|did not|never) (?:open|file|raise|log|create|submit|put in|put|send|write|fill in) "
    r"(?:in )?(?:a|the|any) (?:\w{1,30} ){0,2}(?:ticket|bug|incident|report|request|fault|defect)",
    r"(?:revisit|fix|deal with|clean (?:it )?up) (?:it|that|this) (?:when|later|next|in the)",
    r"negligible", r"(?:we|i) (?:didn't|did not|never) fix",
    r"(?:decided|chose) (?:\w{1,30} ){0,2}to ship (?:it )?as (?:is|it was)",
    r"(?:fix|bug|issue|defect|repair|ticket|problem|patch)e?s? (?:\w{1,30} )?(?:was|were) "
    r"deprioriti[sz]ed", r"marked (?:it )?p[34]",
    r"(?:so|and) i did not say anything",
    _NOT_THEM + r"(?:kept|carried on) (?:running|using|shipping)",
    r"strip of (?:yellow )?tape", r"workaround down", r"(?:just|only) (?:told|asked) "
    r"(?:them|people|the \w+) to (?:keep an eye|be careful|work around)",
    r"(?:pretty sure|as far as i know|i think) (?:it's|its|it is|that \w+ is|the \w+ is) "
    r"still (?:in there|up|there|live|broken|in place|wrong|happening)",
    r"(?:handled|dealt with|refunded) (?:those|them|the) (?:\w{1,30} )?(?:one by one|case by case|"
    r"as they came|whenever)",
    r"(?:nobody|no one)'s (?:raised|mentioned|noticed|complained about) it since",
    r"(?:decided|chose) to (?:leave|ship|hand over|move on)",
    r"(?:so )?i (?:kept|carried on) (?:running|going|shipping|using)",
    r"(?:decided|agreed|chose) (?:\S{1,40} ){0,3}(?:to launch|to ship|to go live) as (?:it|is)",
    r"(?:set|marked) (?:the )?(?:\S{1,40} ){0,2}to ignored", r"(?:wasn't|was not|isn't) worth "
    r"(?:holding|fixing|delaying|the(?! risk))",
    r"(?:wasn't|was not|isn't|not) worth (?:\w+ing|the (?:hassle|cost|effort|risk|time))",
    r"(?:wasn't|was not|isn't) (?:a |the )?(?:priority|urgent|important enough)",
    r"(?:went|goes|sat|sits|sank|dropped|slid) (?:to |in |into )?(?:the )?(?:bottom of the |"
    r"back of "
    r"the )?(?:backlog|queue|list|pile)",
    r"(?:sorted|fixed|handled|dealt with|patched up) (?:\S{1,40} ){0,4}(?:when|as|whenever) (?:they|it) "
    r"(?:came up|happened|arose|occurred|cropped up)",
    r"(?:put|left|parked|moved) (?:the |it |that )?(?:\S{1,40} ){0,2}(?:in|on|into) the (?:backlog|"
    r"roadmap)", r"(?:at )?low priority", r"(?:still|was still) (?:\S{1,40} ){0,2}(?:open|taped|"
    r"broken|there|live|running|unfixed) (?:when|at|the next|six|a|months|weeks)",
    r"(?:would|will) upgrade eventually",
    r"(?:made|make) a note to (?:\w{1,30} ){0,4}after", r"had the operators trim",
    r"(?:made|make|making) a (?:mental )?note to (?:come back to|revisit|look at|fix|sort|"
    r"deal with|"
    r"get back to)", r"never (?:did )?(?:get|got|came|come) back to (?:it|that|this)",
)
_NOBODY_NOTICED = phrases(
    r"(?:no one|nobody|none of them|no customer|no parents?|no \w+)(?:'s)? (?:\w{1,30} )?(?:had |has |"
    r"ever )?(?:noticed|complained|reported|asked)",
    r"never had an? (?:injury|incident|complaint)", r"(?:the difference|it) was small",
    r"(?:rare|small|minor|edge) case", r"(?:might|may) never (?:occur|happen)",
    r"hardly ever (?:checked|noticed|happens)", r"no complaints came back", r"(?:they|it) held",
    r"returns (?:on \w+ )?(?:were|are) (?:already )?low",
    r"(?:was|were|is) (?:small|minor|rare|tiny|low)", r"(?:stayed|stay|kept) manageable",
    r"nothing happened", r"(?:overall|the) (?:ratings?|numbers?) held",
    r"(?:weren't|were not|wasn't|was not|nobody was|no one was|none of them were) complaining",
    r"(?:only|just) (?:affected|hit|touched|happened (?:to|on)) (?:a |about |around )?(?:small|"
    r"few|handful|\d|tiny|couple)",
    r"(?:too small|small enough|minor enough|not big enough) to (?:matter|worry|bother|fix)",
    r"without (?:any|a single) (?:incident|complaint|problem|accident)",
    r"(?:nobody|no one) (?:got|was) (?:hurt|injured|harmed)",
    r"(?:nobody|no one)(?: \w+){0,4} (?:has |have |had )?(?:ever )?(?:raised|noticed|complained|"
    r"mentioned|reported|queried) (?:it|anything|about)",
    r"(?:tend to|tends to|will|would) (?:even|balance|wash|come) out", r"(?:still|held) "
    r"(?:clipped|worked|held|closed|fitted|fit|ran|functioned|passed|opened|printed)",
    r"didn't ask for a refund",
    # Why no one would find out: the check that missed it, or how little anyone looks.
    r"(?:hadn't|had not|didn't|did not|never|wouldn't|won't) (?:\w{1,30} )?(?:pick|picked|spot|"
    r"spotted|catch|caught|notice|noticed) (?:it|that|this|them|anything)(?: up)?",
    r"(?:only|just|mostly|rarely|never) (?:look|looks|looked|check|checks|checked|read|reads) "
    r"(?:at )?(?:the )?(?:\w{1,30} )?(?:summary|total|statement|headline|dashboard|app|bill)",
    r"(?:too small|small enough|so small) to (?:stand out|notice|see|spot|show)",
    r"(?:was|were|is|came back|technically|just) (?:just |still |technically )?(?:within|"
    r"inside|in) (?:the )?(?:spec|specification|tolerance|limits?|range)(?! for)",
    r"warranty (?:covers|would cover|will cover)",
    r"(?:rarely|hardly ever|seldom) (?:changed|used|happened|noticed|checked|came up)",
    r"no point (?:in )?(?:making|raising|causing|kicking up) (?:a |any )?(?:fuss|noise|drama)",
)
# Something known to be wrong: a fault noun, or a thing that fails, breaks or misbehaves.
_DEFECT = phrases(
    r"bugs?", r"defects?", r"errors?", r"risks?", r"race condition", r"leak\w*", r"overcharg\w*",
    r"hazard\w*", r"timeouts?", r"timed out", r"wrong", r"drift\w*", r"gaps?",
    r"glitch\w*", r"crash\w*", r"vulnerab\w*", r"broken", r"faulty", r"issues?", r"mistakes?",
    r"incorrect\w*", r"unsafe", r"dent\w*", r"sag\w*", r"short", r"patchy", r"under-spec",
    r"snapped", r"crack\w*", r"rounds? up", r"out of date", r"damaged?", r"flaws?", r"faults?",
    r"problems?", r"corrupt\w*", r"bypass\w*", r"intermittent\w*", r"malfunction\w*",
    r"fail\w*", r"(?:silently |quietly )?dropp(?:ed|ing)", r"missing", r"expired",
    r"contaminat\w*", r"inaccura\w*", r"(?:couldn't|could not|can't|cannot) be \w+ed",
    r"(?:couldn't|could not|can't|cannot) (?:\w{1,30} ){0,2}(?:use|read|reach|navigate|access|open|"
    r"find|see|hear|tell|cancel|log in)", r"mis\w+ed", r"wasn't (?:syncing|working|saving|"
    r"sending|loading|updating|posting)", r"(?:didn't|did not|doesn't|wouldn't|couldn't|"
    r"stopped) (?:work|load|sync|save|read|print|post|fire|trigger|register)\w*",
    r"(?:only|barely|sometimes) work\w*", r"even when", r"instead of (?:the )?(?:correct|right|"
    r"\d[\d.,]*)", r"off by", r"double-(?:charg|count|post|book)\w*", r"flash", r"taped",
    r"workarounds?", r"unreadable", r"inaccessible",
    r"(?:reading|running|sitting|holding|set|laid|fitted|installed|measuring) (?:\S{1,40} ){0,4}(?:too "
    r"high|too low|high|low|off|below|above|short of|out of (?:range|tolerance|spec))",
    r"(?:below|above|outside|short of) (?:the )?(?:required|specified|minimum|maximum|agreed|"
    r"permitted|safe)", r"out of (?:range|tolerance|spec|calibration)",
    r"(?:sometimes|occasionally|intermittently|randomly) (?:didn't|did not|failed|wouldn't|"
    r"doesn't|stopped|dropped|froze|missed)",
    r"(?:didn't|did not|doesn't|wouldn't|failed to) (?:detect|respond|close|open|lock|stop|"
    r"register|count|match|recogni[sz]e)\w*",
    r"(?:couldn't|could not|can't|cannot) (?:\w{1,30} ){0,2}(?:check out|pay|order|book|sign up|"
    r"complete|submit|log on)", r"rejected",
    # Physical wear and tear.
    r"rattl\w*", r"smell\w*", r"noisy", r"damp", r"mou?ld\w*", r"rust\w*", r"worn", r"loose",
    r"wobbl\w*", r"squeak\w*", r"flicker\w*", r"not (?:really |properly |fully )?(?:pulling|"
    r"working|draining|cooling|heating|closing|locking|saving|syncing)",
    r"(?:saved|counted|charged|posted|sent|booked) twice", r"double-\w+", r"edge case",
    r"\d+ ?(?:mm|cm|degrees|%|percent|seconds|minutes) (?:off|out|short|over|too)",
    r"crooked|wonky|misaligned|uneven|bent|warped|empty files?|silently",
    r"stick(?:y|ing)", r"jamm\w*", r"streak\w*", r"smudg\w*", r"scratch\w*", r"blurr\w*",
    r"(?:sometimes|occasionally|intermittently) (?:\w+ed|let|lets|gives|gave)\b",
)
# Weighing the fix against its cost: "fixing it properly meant…", "re-marking would have taken…".
_COST_OF_IT = (
    r"(?:would(?: have)? (?:meant|mean|taken|take|cost|pushed|push|required|needed|delayed|"
    r"involved|triggered|touched|left|been (?:a|an) (?:big|huge|major|massive|long) \w+)|"
    r"meant|means|needed|required|takes|took|cost|touched|involved|was (?:a|an) (?:\S{1,40} )?"
    r"(?:lead time|job|project)|would (?:be|cost) (?:about |around |roughly )?[$£€]\d[\d.,]*)"
)
_FIX_COST = phrases(
    # A sentence that opens with what the remedy involves: "Lifting the brickwork would have…".
    r"^(?:[a-z-]+ing|a new|a replacement|the replacement|the new|a proper|the proper|the real|"
    r"a full|the full|getting|calling) (?:\S{1,40} ){0,6}?(?:" + _COST_OF_IT
    + r"|would(?: have)? [a-z]+(?:ed|en)? (?:out|off|up|down|back)?)",
    # Or a clause that does: "…, but untangling it meant rewriting the transfer logic".
    r"(?:, |; |\bbut |\band |\bso )[a-z-]{3,}ing (?:it|them|that|this|the \w+|all \w+)(?: \S{1,40}){0,3}? "
    r"(?:meant|would have meant|would mean|needed|required|would take|would have taken|would cost|"
    r"would have cost|involved)",
    r"^(?:a|an|the) (?:\S{1,40} ){0,3}?(?:visit|repair|replacement|fix|call-?out|engineer|technician|"
    r"contractor|part|service|upgrade|recall|rework|patch)s? (?:\S{1,40} ){0,3}?" + _COST_OF_IT,
    near(r"(?:a new|a replacement|the replacement|a proper|the proper) \S{1,40}", _COST_OF_IT, 2),
    near(r"(?:fixing|repairing|patching|correcting|rewriting|reworking|replacing|recalibrating|"
         r"swapping|switching|changing|lifting|rebuilding|ripping|pulling|upgrading|migrating|"
         r"redoing|re-?marking|re-?running|re-?testing|re-?issuing|reporting|recalling|"
         r"(?:getting|calling|bringing) (?:the|a|an) [\w-]+ (?:out|in)|taking (?:it|the [\w-]+|"
         r"them) (?:down|out|offline|off)|(?:a|the) (?:proper |real |full )?(?:fix|repair)|"
         r"(?:to|would) (?:fix|repair|patch|correct|replace) (?:it|that|this|them|the \w+))",
         _COST_OF_IT, 6),
)
# Carrying on with the known problem in place: shipping, running, deferring it indefinitely.
_CARRIED_ON = phrases(
    _NOT_THEM + r"(?:carr(?:y|ied) on|keep|kept|continue|continued|go on|"
                r"went on) (?:\w{1,30} )?(?:using|running|shipping|operating|serving|"
    r"selling|with (?:service|the run|production|the launch|it))",
    r"(?:we|i) (?:\w{1,30} )?(?:went live|shipped|launched|released|handed (?:\S{1,40} ){0,2}?over|"
    r"let it ship)(?! the fix)",
    r"the (?:\w{1,30} )?(?:batch|lot|order|release|build|units?|shipment|product|flats?|houses?|"
    r"homes?|vehicles?|aircraft) (?:\w{1,30} )?(?:shipped|went out|went live|was released|was shipped|"
    r"was handed over|were handed over) (?:on schedule|on time|as planned|anyway)",
    r"moved (?:it|the \w+) (?:in)?to (?:the |a )?(?:someday|later|icebox|backlog|parking|"
    r"nice-to-have|wishlist|future)",
    r"(?:treated|accepted|logged|called|classed|considered|counted) (?:it|this|that|them) as "
    r"(?:an? )?(?:acceptable|known|tolerable|cosmetic)", r"acceptable (?:loss|risk|level|rate)",
    r"nice-to-have", r"let (?:the|it|them|that) (?:\w{1,30} )?go live",
    r"still (?:on the board|open|in the backlog|broken|the same|like that|calculates|does that|"
    r"happening|taped|there|wrong|running|live)",
    r"(?:to my knowledge|as far as i know),? (?:it|that|the \w+) (?:is )?still",
    r"still (?:hadn't|had not|hasn't|has not|wasn't|was not) (?:been )?(?:picked up|fixed|done|"
    r"touched|looked at|started|scheduled|prioriti[sz]ed)",
    r"(?:used|use) the (?:correct|right|new) \w+ for the rest",
    r"(?:kept|left) (?:it|the \w+|them) (?:in service|in use|running|open|live|on the road|going|"
    r"on sale|on the shelf|in production)",
    r"(?:ran|stayed|ran on|carried on|continued|was left) like that",
    r"(?:stayed|remained|was left|were left) (?:\w{1,30} )?(?:faulty|broken|out of date|unfixed|"
    r"wrong|disabled|switched off|unreported)",
    r"(?:workaround|work-around|fudge|bodge) (?:became|is|was|stayed) (?:the|our) (?:\w{1,30} )?"
    r"(?:process|norm|standard|fix|way)",
    r"everyone(?:'s| is| was| just| has)? (?:got |gotten |just )?(?:used to it|knew to|learned to "
    r"live with)",
    r"(?:we|i) kept (?:on )?doing (?:it|that|this)",
    r"(?:carry on|carried on|press on|pressed on|keep going|kept going)(?! (?:with )?(?:the )?fix)",
    r"(?:i|we) (?:\w{1,30} )?parked (?:it|the \w+|that)",
    r"(?:adjusted|tweaked|compensated|worked around|made do)(?! the (?:fix|repair))",
    r"still (?:a bit |slightly |somewhat )?(?:off|wrong|broken|faulty|there|the same)",
    r"still (?:happens|occurs|does (?:it|that)|shows up|comes up)",
    r"went ahead (?:with|and)", r"(?:been|is|was|stayed) like that (?:for|since|ever)",
    r"(?:signed|passed|released|approved|cleared|shipped|sent) (?:the |that |this )?(?:\w{1,30} )?"
    r"(?:batch|lot|order|run|build|release|panels?|units?) (?:off|out|through)",
    r"(?:got on|carried on|cracked on|pressed on|moved on) with",
    near(r"(?:with|despite) the", r"(?:streak|fault|defect|bug|issue|problem|crack|leak|error|"
         r"glitch|flaw|gap|drift)s?", 2),
    r"(?:logged|put|moved|parked|filed|noted) (?:it|the \w+|that) (?:for|as|in|to|under) (?:a |the "
    r")?'?(?:future|later|next|someday|backlog|nice)",
)
_CLOSED_LOOP = phrases(
    r"(?:i|we) (?:\w{1,30} )?(?:reported|escalated|flagged|raised) (?:it|this|that|them|the (?:\w{1,30} )?"
    r"(?:bug|defect|fault|issue|problem|risk|error|failure|finding|gap|leak|crack))",
    r"(?:i|we) (?:\w{1,30} )?(?:fixed|patched|corrected|refunded|repaired|replaced|recalibrated|rebuilt|reworked|re-?ran|re-?marked|recalled|held the release|"
    r"delayed the|paused|took (?:it|the \w+) (?:out of service|offline|down)|"
    r"scheduled the (?:proper |real )?fix|added a (?:test|check|guardrail|validation))",
    # Other ways of dealing with it: stopping, quarantining, re-testing, changing the process.
    r"(?:i|we) (?:\w{1,30} )?(?:put (?:\S{1,40} ){0,4}on hold|quarantined|re-?tested|rejected|scrapped|"
    r"stopped the (?:line|run|batch|shipment)|halted|cordoned|isolated|changed the (?:\w{1,30} )?"
    r"(?:process|sequence|procedure|design|setting)|had (?:\S{1,40} ){0,3}(?:replaced|repaired|fixed))",
    r"with an owner and a date",
    r"(?:i|we) (?:\w{1,30} )?(?:ordered|booked|fitted|installed|sourced) (?:the|a) (?:\w{1,30} )?"
    r"(?:replacement|new part|fix|repair)",
    r"(?:the|a) (?:replacement|new \w+|fix|repair|patch) was (?:fitted|installed|deployed|done|made)",
    r"(?:i|we) (?:\w{1,30} )?(?:raised|filed|logged|wrote up) (?:a|an) (?:\w{1,30} )?(?:report|"
    r"ticket|incident|defect)", r"(?:the )?(?:real|proper) fix (?:shipped|went|landed)",
    r"(?:shipped|deployed|released|rolled out|pushed) the fix", r"the fix (?:went|shipped|was "
    r"deployed|landed)",
)


# The speaker found the problem themselves: what follows is a decision about something known.
_DISCOVERED = phrases(
    r"(?:i|we) (?:\w{1,30} ){0,2}?(?:noticed|found|spotted|discovered|realised|realized|saw|"
    r"suspected|caught|picked up on|worked out|figured out) (?:that|how|the|a|an|some|on)",
    r"(?:i|we) (?:was|were|had been|became) (?:\w{1,30} )?aware",
)


def _about_a_known_problem(context: Context, found: list[Hit]) -> list[Hit]:
    """Keep hits that follow a problem described in the same or the six sentences before."""
    if not found:
        return []
    problem = [
        s.index for s in context.sentences
        if present(_DEFECT, [s]) or present(_FIX_COST, [s]) or present(_DISCOVERED, [s])
    ]
    return [h for h in found if any(0 <= h.sentence.index - i <= 6 for i in problem)]


# "Kept the aisle in use but removed the loads either side": left, with the risk contained.
_CONTAINED = compiled(
    r"\bbut (?:\w{1,30} ){0,3}(?:remov\w*|cordon\w*|block\w*|restrict\w*|limit\w*|isolat\w*|"
    r"fenc\w*|barrier\w*|monitor\w*|inspect\w*|check\w*|refund\w*|warn\w*|tag\w*|label\w*)"
)


def ignored_defect(context: Context) -> list[Hit]:
    left = [h for h in hits(context, _LEFT_IN_PLACE, 0.7)
            if not _CONTAINED.search(h.sentence.low)]
    carried = hits(context, _CARRIED_ON, 0.4)
    if not (left or carried):
        return []
    left = _about_a_known_problem(context, left)
    carried = _about_a_known_problem(context, carried)
    fix_cost = hits(context, _FIX_COST, 0.4)
    unnoticed = hits(context, _NOBODY_NOTICED, 0.4)
    # Left in place outright, or carried on while weighing the fix's cost or its rarity.
    if not left and not (carried and (fix_cost or unnoticed)):
        return []
    found = left + fix_cost + carried + unnoticed
    # One decision to leave it is enough, unless the story later closes the loop.
    first = min(h.sentence.index for h in left + carried + fix_cost)
    closed = present(_CLOSED_LOOP, [s for s in context.story if s.index >= first])
    needed = FIRES_AT + 0.4 if closed else 0.7
    return found if total(found) >= needed else []

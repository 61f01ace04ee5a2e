"""Word families shared by several detectors (people, money, talking, deciding)."""

from __future__ import annotations

# Someone other than the speaker who could own a decision.
SOMEONE_SENIOR = (
    r"(?:manager|lead|pharmacist|controller|supervisor|director|architect|committee|head|gm|"
    r"boss|owner|doctor|physician|charge nurse|senior|consultant|dean|principal|vp|cto|ceo|"
    r"cfo|partner|foreman|superintendent|head of year|safeguarding lead|dsl|officer|"
    r"specialist|engineer|admin|team)"
)
# Verbs of telling someone something.
TELLING = (
    r"(?:tell|telling|told|mention|mentioning|mentioned|share|sharing|shared|flag|flagging|"
    r"raise|raising|report|reporting|disclose|disclosing|inform|informing|loop|looping|"
    r"point(?:ing)? out|bring(?:ing)? (?:it |this |that )?up|put (?:it |this )?(?:in|into)|log|"
    r"logging|escalate|escalating|notify|notifying|correct(?:ing)? (?:her|him|them)|update|"
    r"updating|let (?:\S{1,40} ){0,3}know|go into|explain|warn|warning|admit|admitting|own up)"
)
MONEY = (
    r"(?:revenue|margins?|profits?|profitability|arr|mrr|income|upsell\w*|monetis\w*|"
    r"monetiz\w*|commission|cash|bookings|revpar|loss ratio|take rate|attach rate|"
    r"bottom line|p&l|the money|money on the table|surcharges?|billing|billable|"
    r"net revenue|sales target|quota|bonus)"
)
PEOPLE_WHO_STRUGGLE = (
    r"(?:struggl\w*|stuck|overwhelmed|drowning|falling behind|fell behind|behind on|"
    r"out of (?:his|her|their) depth|(?:working|stayed) (?:until|till) (?:\d+|midnight)|"
    r"asking the same|same comments|kept (?:making|asking|re-running|coming back)|"
    r"hadn't closed|taking (?:far )?longer|slow|stressed|first (?:week|month|close|time)|"
    r"new(?:ly qualified|er)? (?:\w{1,30} )?(?:colleague|hire|starter|nurse|teacher|developer|dev|"
    r"analyst|operator|engineer|temp|grad|recruit)|junior|trainee|intern|new hires?|bootcamp)"
)
# Someone other than the speaker or their own team who could be made responsible: a pronoun
# or a party named by its role ("the carrier", "two of the members", "hospital IT").
OTHER_PARTY = (
    r"(?:they|he|she|(?:the|their|his|her|my|our|two|both|some|most|several|a few|other|one) "
    r"(?:[\w'-]{1,30} ){0,3}?(?:teams?|shifts?|crews?|department|dept|suppliers?|vendors?|agency|"
    r"contractors?|subs?|subcontractors?|carriers?|clients?|customers?|partners?|providers?|"
    r"line|company|firm|office|planners?|inspectors?|lecturers?|tutors?|designers?|"
    r"developers?|members?|people|engineers?|staff|pharmacy|lab|warehouse|dc|centre|center|"
    r"buddy|couriers?|landlord|council|markers?|examiners?|auditors?|it|hr|marketing|sales|"
    r"product|legal|finance|qa|management|colleagues?|teammates?|volunteers?|workers|"
    r"supervisors?|managers?|owner|operators?|technicians?|analysts?|others|rest|agents?|"
    r"reps?|consultants?|architects?|admins?|one|ones|system|process|rubric|brief|spec|"
    r"co-[\w-]+|electricians?|builders?|plumbers?|fitters?|landlord|parents?|teachers?|nurses?|"
    r"doctors?|drivers?|officers?|coordinators?)|"
    r"(?:it|hr|qa|ops|marketing|sales|legal|finance|procurement|security|facilities|pharmacy|"
    r"management|head office|regional|upstream))"
)

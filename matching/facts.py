"""Structured facts read from the Chinese text of a need or a resource.

What people already know and write down in words: how many people a need involves
(``一百二十人``, ``二十五位``), whether it can be served online or by phone (``可以线上``,
``电话咨询也行``), a resource's seats (``可容纳80人``, ``最多坐120人``), what it is only
for (``只用于…``, ``仅限…``, ``专项用于…``), what it excludes (``不含…``, ``不提供…``),
whether it serves only the communities its unit is registered with (``限本单位双报到社区``)
and on which days (``只在周末``, ``只在工作日``). A need may ask for a place (``需要场地``:
only a resource that gives one serves it, :func:`offers_place`) or name the one thing it
asks for (``一台轮椅``); a resource that gives goods may list them (``捐赠口罩、消毒液和棉被``,
a closed list unless it says ``等`` or names a class such as ``学习用品``), and then serves
no need that names another thing; an open list of one narrow kind (``书包、文具、台灯等学习用品``)
closes on that kind (:func:`kind_of_goods`: no wheelchair, no computer). A repair crew that
names what it repairs (``维修水电，更换灯具``) takes no need about another part, such as the
lift (:func:`unlisted_repairs`), and one with a value cap (``价值200元以内``)
nothing that costs more (:func:`over_value_cap`, :data:`TYPICAL_PRICES`); these become
terms the resource excludes. A
column a clerk filled always wins over the text; the text only fills what the columns
leave empty.

How a restriction meets a need's text (:func:`term_in_text`): a term is found in the
need's title and description when the term itself, its first two characters (its head,
e.g. 电梯 of 电梯维修), its stem without a word for "goods" or "staff" (药 of 药品) or a
word for one of the people it names (学生 for 青少年, 长辈 for 老人, 高中 for 学生;
:data:`GROUPS`) occur there.

Whether a need can be served online or by phone is read from its text; when the text
says neither, a need of a category whose help is advice or teaching given by talking
(:data:`REMOTE_CATEGORIES`) is suggested as online-capable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMBER = r"[0-9]+|[零〇一二两三四五六七八九十百千几]+"
_PEOPLE = re.compile(rf"({_NUMBER})\s*(?:多|来|余)?\s*(?:个)?(?:人|位|名)")
_SEATS = re.compile(rf"(?:可容纳|容纳|容得下|能坐|可坐|坐得下|能坐下|只能坐|最多坐|最多|可供|"
                    rf"不超过|不多于|限|坐)\s*({_NUMBER})\s*(?:多|来|余)?\s*(?:个)?(?:人|座|位)|"
                    rf"({_NUMBER})\s*(?:个)?座|"
                    rf"({_NUMBER})\s*(?:个)?人(?:以内|以下|之内)")
_ONLY = re.compile(r"(?:只用于|仅用于|专项用于|专门用于|专款用于|定向用于|只能用于|仅可用于|"
                   r"只可用于|只用作|仅用作|只服务|仅服务|只针对|仅针对|只面向|仅面向|只供|仅供|"
                   r"只接待|仅接待|只接|"
                   r"仅限|只限|只看|只送|只修|只负责|仅负责|限于|限用于|只收|只资助|仅资助|专门资助|定向资助|专项资助|"
                   r"只支持|仅支持|只捐|仅捐|只赠|仅赠|只招|仅招|"
                   r"只发给|仅发给|只发放给|仅发放给|只分给|只借给|仅借给)([^，。；;,.！!]+)")
_EXCLUDE = re.compile(r"(?:不含|不包括|不包含|不提供|不负责|不涉及|不承接|不接受|不接|不做|"
                      r"不能用于|不得用于|不可用于|不用于|不代理|不代办|不代写|不承办|不办理)"
                      r"([^，。；;,.！!]+)|"
                      r"([^，。；;,.！!、]+)除外")
# 初中的题讲不了, 大件修不了: what it says it cannot do is what it excludes
_CANNOT = re.compile(r"([^，。；;,.！!、]{2,8}?)(?:讲不了|教不了|修不了|做不了|办不了|管不了|"
                     r"看不了|辅导不了)")
_REGISTERED = re.compile(r"(?:限|只服务|仅服务|仅限|只限|只面向|仅面向)(?:本单位)?(?:的)?"
                         r"(?:双报到|共建|结对)社区|只服务本单位双报到社区")
_WEEKEND_ONLY = re.compile(r"(?:只在|仅在|只有|仅|只)"
                           r"(?:周末|双休日|节假日|周六|周日|星期六|星期天)|周末才")
_WEEKDAY_ONLY = re.compile(r"(?:只在|仅在|只有|仅|只)(?:工作日|周一到周五|周一至周五)")
# after school or work: a school or working day
_WEEKDAY_NEED = re.compile(r"工作日|周一到周五|周一至周五|周[一二三四五]|放学|下课后|下班后|"
                           r"上班时间")
_WEEKEND_NEED = re.compile(r"周末|周六|周日|星期六|星期天|星期日|节假日")
# help after school (放学托管) is given on school days
_AFTER_SCHOOL = re.compile(r"放学|四点半|课后")
_ONLINE_YES = re.compile(r"可线上|线上(?:教|学|课|咨询|面试|也)|可以线上|网上|在线|"
                         r"电话(?:咨询|联系|聊|指导|沟通|里|也)|打电话|远程|"
                         r"视频(?:咨询|通话|也|教|学|聊)|手机上(?:跟|学|教|问|聊)")
_ONLINE_NO = re.compile(r"(?<![不无需])(?:需要|要|想|希望|得|必须)[^，。；;,.！!？?]{0,6}?"
                        r"(?:上门|到家|来家里|当面)|当面|面对面|必须到场|手把手|陪着|陪同|"
                        r"来看看|来看望|过来看|来陪|耳背|听不清|电话里说不清|不会用电话|不会打电话|"
                        r"电话(?:也)?不接|不接电话|电话(?:也)?打不通|电话(?:也)?没人接|联系不上")
_OBJECT = re.compile(r"(?:一|两|几|[0-9]+)(?:台|辆|部|张|架|副|把|套|床|件)([\u4e00-\u9fff]{1,6})"
                     r"(?=[，。；;,.！!？?、\s]|$)")
_GIVE = re.compile(r"(?:捐赠|捐献|捐出|发放|派发|分发|赠送|送出)([^，。；;,.！!]+)")
_PLACE_NEED = re.compile(r"(?:需要|要|缺|没有?|借|找)(?:个|一个|块|一块)?"
                         r"(?:场地|地方|活动室|会议室|场所|排练厅)(?=[，。；;,.！!？?\s]|$)|"
                         r"(?:没有?|缺|找不到|借不到)(?:个|一个)?(?:场地|地方|场所)"
                         r"(?:开会|活动|排练|练|跳|办|上课|聚)")
# 只提供场地: the kind of help it is, not a restriction of whom it is for
_KINDS_OF_HELP = ("场地", "服务", "咨询", "物资", "资金", "活动", "上门服务")
# open only in the day (只在工作日白天) or only at night: the other time of day is excluded
_ONLY_AT = r"(?:只在|仅在|只有|仅限|仅|只)(?:工作日|周末|平日)?(?:的)?"
_DAY_ONLY = re.compile(_ONLY_AT + r"(?:白天|日间)")
_NIGHT_ONLY = re.compile(_ONLY_AT + r"(?:晚上|夜间|夜里)")
_MORNING_ONLY = re.compile(_ONLY_AT + r"(?:上午|早上)")
_AFTERNOON_ONLY = re.compile(_ONLY_AT + r"下午")
MORNING = ("上午", "早上", "早晨")
NIGHT = ("晚上", "夜里", "夜间", "傍晚", "下班后")
# 晚上八点以后不出诊: closed at night, as 只在白天 says
_NO_NIGHTS = re.compile(r"(?:晚上|夜里|夜间|傍晚)[^，。；;,.！!]{0,8}?(?:以后|之后|后)?"
                        r"(?:不出诊|不上门|不出车|不服务|不营业|不接单|不开放|关门)")
DAY = ("白天", "上午", "下午", "日间")
_ON_A_WEEKDAY = re.compile(r"(?:每周|每个?星期)[一二三四五](?!次|到|至)")
_ON_A_WEEKEND = re.compile(r"(?:每周|每个?星期)[六日天末](?!次|到|至)|每个?周末")
# open only in the school holidays (只在寒暑假, 只在七八月): a need must say it is then
_HOLIDAY_ONLY = re.compile(r"(?:只在|仅在|只有|仅限|只限|仅|只)(?:每年)?(?:的)?"
                           r"(?:寒暑假|暑假|寒假|假期|七八月|七、八月|7、?8月)")
HOLIDAYS = "寒暑假"
# 仅限本院出院病人: "this hospital" is the one the title names (二院康复科: 二院)
_OWN = re.compile(r"^本(院|校|厂|所|馆|园|店|行|中心)")
_OWN_NAME = {"院": r"医院|院", "校": r"小学|中学|学校|学院|大学|校", "厂": r"厂", "所": r"所",
             "馆": r"馆", "园": r"园", "店": r"店", "行": r"银行|行", "中心": r"中心"}
_AREA = re.compile(r"^(?:省|市|区|县|镇|乡|街道)")
OWN_MARK = "（本单位）"
# 因大病、意外、火灾突遭变故的家庭可申请: who may apply is whom it is for
_ELIGIBLE = re.compile(r"(?:因|由于)([^，。；;,.！!]{2,20}?)(?:突遭|遭遇|遭受|导致|造成|而)"
                       r"[^，。；;,.！!]{0,10}?(?:可申请|可以申请|可提出申请|方可申请)")
_SMALL_ROOM = re.compile(r"小会议室|小活动室|小房间|小教室|小型会议室")
SMALL_ROOM_SEATS = 20
"""What a clerk takes a small room (``小会议室``) of unstated size to seat."""
_SPLIT = re.compile(r"[、和及与/或：:]|以及")
# heads that say nothing alone
_GENERIC = {"本单", "本市", "社区", "小区", "居民", "辖区", "本社", "全体", "老旧", "困难", "家庭"}
_OTHER = ("其他", "其它", "别的", "他用")  # 不做其他用途: says what it is for, not what it refuses
# words for "goods", "kind" or "staff" that end a term without narrowing it: 药品 is 药
_GOODS_SUFFIXES = ("用品", "物品", "人员", "品", "类")
_CLASS_OF_GOODS = ("用品", "物品", "物资", "慰问品")

GROUPS: dict[str, tuple[str, ...]] = {
    "青少年": ("学生", "中学", "初中", "高中", "初一", "初二", "初三", "高一", "高二", "高三",
            "少年", "青春期"),
    "儿童": ("孩子", "小孩", "娃", "宝宝", "幼儿", "小学", "学生"),
    "老人": ("老年", "长辈", "爷爷", "奶奶", "大爷", "大妈", "阿婆", "阿公", "高龄", "独居老",
           "空巢", "老头", "老太", "老爷子", "老两口"),
    "残疾人": ("残疾", "聋哑", "盲人", "肢残", "智障"),
    "妇女": ("女性", "妈妈", "母亲", "婆媳", "妻子"),
    "女性": ("妇女", "妈妈", "母亲", "妻子", "阿姨", "大姐", "大妈", "宝妈", "奶奶", "婆婆",
           "儿媳", "姑娘", "女孩", "女生", "老太", "妇科"),
    "学生": ("小学", "中学", "初中", "高中", "大学", "上学", "学费", "功课", "作业", "放学", "成绩",
           "中考", "高考", "课业", "青春期", "开学", "放了学", "下了学", "出校门"),
    "老年": ("老人", "长辈", "爷爷", "奶奶", "大爷", "大妈", "阿婆", "阿公", "高龄", "独居老",
           "空巢", "老头", "老太", "老爷子", "老两口"),
    "失能": ("失能", "失智", "痴呆", "中风", "半身不遂", "偏瘫", "瘫痪", "卧床", "行动不便",
           "腿脚不便", "腿脚不好", "坐轮椅", "高龄", "八九十", "九十多"),
    "婴幼儿": ("婴儿", "宝宝", "一两岁", "0到3岁", "0至3岁", "早教", "新生儿", "哺乳", "学龄前"),
    # a school stage is met by its years (初中的题讲不了 refuses 初三的物理)
    "初中": ("初一", "初二", "初三", "初中生", "中考", "七年级", "八年级", "九年级"),
    "高中": ("高一", "高二", "高三", "高中生", "高考"),
}
"""The people a restriction names, and the words a need uses for them (only for
青少年 serves a pupil's need: the need says 初三学生, not 青少年)."""

_INFANTS = re.compile(r"婴幼儿|婴儿|0\s*[到至~～-]\s*3\s*岁|早教|托育|新生儿|学龄前")
_PUPILS = re.compile(r"放学|作业|功课|课业|学生|青春期|中考|高考|四点半")
_PROVIDERS = re.compile(r"大学生|学生志愿者|[中小]学(?:老师|教师)")
INFANTS_ONLY = "学生（只服务三岁以下的孩子）"
_FRAIL = re.compile(r"(?:托管|照料|照护|护理|接收|收住|接送)(?:的)?(?:半?失能|失智)")
FRAIL_ONLY = "失能人员"
"""Care for the frail (``托管失能半失能老人``) takes people who are (``中风``, ``卧床``,
``高龄``: :data:`GROUPS`), not any old person alone at home."""
PUPILS_ONLY = "婴幼儿（只服务学龄孩子）"


def age_of_children(text: str) -> tuple[str, ...]:
    """What a resource for children of one age takes no need of: early-years help
    (``为0到3岁婴幼儿家庭提供亲子游戏``) serves no pupil (放学、作业、初三: a term met through
    :data:`GROUPS`), help for pupils (``放学后辅导作业、看护学生``) no baby. Students who
    give the help (大学生志愿者, 中学老师) are not whom it serves.

    >>> age_of_children("为0到3岁婴幼儿家庭提供亲子游戏和育儿指导")
    ('学生（只服务三岁以下的孩子）',)
    >>> age_of_children("教师志愿者下午放学后辅导作业、看护学生")
    ('婴幼儿（只服务学龄孩子）',)
    >>> age_of_children("大学生志愿服务队，周末陪伴老人"), age_of_children("亲子早教和作业辅导")
    ((), ())
    """
    clean = _PROVIDERS.sub("", text)
    infants, pupils = bool(_INFANTS.search(clean)), bool(_PUPILS.search(clean))
    if infants != pupils:
        return (INFANTS_ONLY,) if infants else (PUPILS_ONLY,)
    return ()


LEGAL_FIELDS: dict[str, tuple[str, ...]] = {
    "劳动": ("工资", "欠薪", "拖欠", "工伤", "劳动", "包工头", "老板", "结账", "社保", "辞退",
           "加班", "临时工", "打工"),
    "婚姻家庭": ("婚姻", "离婚", "抚养", "赡养", "家暴", "继承", "遗嘱", "遗产", "分家", "彩礼"),
    "房产": ("房屋", "买房", "购房", "房产", "租房", "押金", "房东", "交房", "开发商", "过户"),
    "土地": ("土地", "宅基地", "征收", "征地", "承包", "拆迁"),
    "借贷": ("借钱", "欠款", "借条", "欠钱", "贷款"),
    "消费": ("消费", "退款", "退货", "商家", "保健品"),
}
"""Fields of law and the words of each (a question names them, and so does advice)."""
CARE_FIELDS: dict[str, tuple[str, ...]] = {
    "理疗": ("推拿", "针灸", "艾灸", "理疗", "拔罐", "按摩"),
    "诊疗": ("血压", "血糖", "慢病", "巡诊", "出诊", "开药", "诊疗", "看病", "随访", "全科"),
}
"""What medical help a resource names: physiotherapy, or diagnosis and treatment."""
CARE_NEEDS: dict[str, tuple[str, ...]] = {
    "理疗": ("腰", "颈", "肩", "腿疼", "腿痛", "关节", "劳损", "酸痛", "扭伤", "风湿", "落枕",
           "推拿", "针灸", "艾灸", "理疗", "按摩", "拔罐"),
}
"""The words a need uses for the problems a field treats (a field without them, 诊疗,
never closes a resource: it only keeps one that also names it open)."""
FIELD_FAMILIES: tuple[tuple[re.Pattern[str], dict[str, tuple[str, ...]],
                            dict[str, tuple[str, ...]]], ...] = (
    (re.compile(r"法律|律师|法援|维权|解答|咨询"), LEGAL_FIELDS, LEGAL_FIELDS),
    (re.compile(r"医|诊|理疗|推拿|针灸"), CARE_FIELDS, CARE_NEEDS))
"""Advice or care given in fields: what says a resource gives it, the words of each field
in a resource, the words of each field in a need."""


@lru_cache(maxsize=len(FIELD_FAMILIES))
def _field_words(family: int) -> tuple[re.Pattern[str], dict[str, str]]:
    fields = FIELD_FAMILIES[family][1]
    field_of = {w: f for f, ws in fields.items() for w in ws}
    return word_pattern(field_of), field_of


def one_field(text: str) -> tuple[str, ...]:
    """The one field (:data:`FIELD_FAMILIES`) a resource giving legal advice or medical
    care names two or more words of and no word of another, as a term it is only for
    (``劳动问题``, ``理疗问题``: met by the words a need uses for that field's problems);
    nothing when it names several fields or fewer than two words. Advice on one field
    of law (``解答拖欠工资、工伤认定、劳动合同等问题``) answers no question of another (a
    will, a land dispute); physiotherapy (``推拿、针灸、艾灸``) treats aches, not a
    heart disease.

    >>> one_field("人社干部解答拖欠工资、工伤认定、劳动合同等问题")
    ('劳动问题',)
    >>> one_field("律师解答合同、婚姻家庭、继承、房屋买卖等法律问题")
    ()
    >>> one_field("律师解答法律问题"), one_field("解答工资问题")
    ((), ())
    >>> one_field("中医理疗义诊，每月一次推拿、针灸、艾灸"), one_field("巡诊、理疗、推拿")
    (('理疗问题',), ())
    """
    out: list[str] = []
    for family, (gives, _, needs) in enumerate(FIELD_FAMILIES):
        if not gives.search(text):
            continue
        pattern, field_of = _field_words(family)
        named = [field_of[w] for w in pattern.findall(text)]
        if len(named) >= 2 and len(set(named)) == 1 and named[0] in needs:
            out.append(f"{named[0]}问题")
    return tuple(out)


REPAIR_PARTS: dict[str, tuple[str, ...]] = {
    "水": ("水管", "水龙头", "下水", "管道", "漏水", "渗水", "水电", "水工", "污水", "倒灌",
          "马桶", "堵塞", "疏通"),
    "电": ("电线", "线路", "电路", "插座", "电表", "跳闸", "停电", "水电", "电工", "灯", "开关"),
    "电梯": ("电梯",),
    "燃气": ("燃气", "煤气", "天然气"),
    "门窗": ("门窗", "门锁", "窗户", "防盗门", "纱窗", "防盗窗"),
    "屋面": ("屋顶", "漏雨", "防水", "外墙", "墙皮"),
    "家电": ("家电", "空调", "冰箱", "洗衣机", "电视", "热水器"),
    "道路": ("路面", "坑洼", "井盖", "台阶"),
    "门禁": ("门禁", "监控", "摄像头", "对讲", "门锁"),
    "消防设施": ("消防栓", "灭火器", "烟感", "喷淋"),
}
"""What a repair crew may repair, and the words a need or a resource uses for each part
(``水电`` is both water and power). A crew that names what it repairs (``维修水电，更换灯具``)
repairs only those parts: a need about another part (``电梯经常坏``) is refused."""

_REPAIR_WORDS = frozenset(w for ws in REPAIR_PARTS.values() for w in ws)
_REPAIR = re.compile(r"维修|修理|检修|修缮|抢修|更换|疏通|"
                     r"(?:^|[，、。；：\s])(?:修|换|通)(?!过|知|常|讯|届|季|书|俗)[\u4e00-\u9fff]")
_KIND = re.compile(r"((?:[\u4e00-\u9fff]{1,6}[、和及与])+[\u4e00-\u9fff]{1,6})等"
                   r"([\u4e00-\u9fff]{0,4}(?:用品|用具|器材|物品|物资|衣物))")
_BROAD_KINDS = ("物资", "物品", "生活用品", "日用品", "日常用品", "慰问品", "东西")

TYPICAL_PRICES: dict[str, int] = {
    "电脑": 2000, "平板": 1000, "手机": 500, "冰箱": 1000, "洗衣机": 1000, "电视": 1000,
    "空调": 1500, "热水器": 800, "轮椅": 300, "助听器": 500, "电动车": 1500,
    "自行车": 300, "钢琴": 5000, "打印机": 500, "护理床": 1500, "制氧机": 1500,
    "按摩椅": 2000, "微波炉": 300, "净水器": 500, "洗碗机": 1500, "油烟机": 1000,
    "沙发": 1000, "相机": 1000,
}
"""The least a clerk expects each of these things to cost (元): a resource that gives
only things worth up to a cap (``价值200元以内``) does not give one that costs more."""
_CAP = re.compile(rf"(?:不超过|不高于|最多|最高|限额|上限)\s*({_NUMBER})\s*(?:元|块)|"
                  rf"({_NUMBER})\s*(?:元|块)(?:钱)?(?:以内|以下|之内|内|封顶)")

HOME_VISIT = "上门服务"
NEARBY = "就近服务"
_VISITS = ("上门", "到家", "入户", "家访", "送到", "配送", "送药", "送餐", "送货", "探访", "走访",
           "出诊", "代购", "跑腿", "陪护", "护工")
SPECIALTIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "公证": (("公证",), ("公证",)),
    "司法鉴定": (("司法鉴定",), ("司法鉴定",)),
    "康复训练": (("康复训练", "自闭症", "孤独症", "脑瘫", "发育迟缓", "言语训练", "感统"),
             ("康复", "特殊教育", "特教")),
    "实习": (("实习",), ("实习",)),
    "验光配镜": (("配眼镜", "验光"), ("眼镜", "验光")),
    "夜间陪护": (("夜间陪护", "夜间看护", "夜间照顾", "夜里照顾", "夜里陪", "晚上陪", "陪夜",
              "守夜", "晚上照顾", "夜里看护", "晚上看护", "通宵照顾", "陪床"),
             ("夜间", "夜里", "晚上", "24小时", "全天", "通宵", "陪夜", "守夜", "夜班")),
    "助浴": (("助浴", "帮忙洗澡", "帮着洗澡", "帮洗澡", "给老人洗澡", "擦身", "擦澡"),
           ("助浴", "洗澡", "擦浴", "擦身")),
    "开锁": (("开锁", "锁在门外", "钥匙丢", "钥匙锁"), ("开锁", "锁具")),
    "搬运": (("搬家", "搬运", "搬重物", "搬上楼", "搬下楼"), ("搬家", "搬运")),
    "口腔": (("牙疼", "牙痛", "看牙", "补牙", "拔牙", "镶牙", "配假牙", "装假牙", "假牙", "查牙",
             "洗牙", "牙口", "牙科", "牙齿", "牙结石"), ("口腔", "牙")),
    "翻译": (("翻译", "外国人", "外籍"), ("翻译", "外语")),
    "妇科": (("妇科", "两癌", "宫颈", "乳腺", "更年期"), ("妇科", "宫颈", "乳腺", "两癌", "妇幼")),
    "送气": (("扛不动煤气罐", "搬不动煤气罐", "换煤气", "送煤气", "换液化气"),
           ("煤气", "液化气", "燃气", "送气")),
    "消杀": (("灭鼠", "灭蟑", "消杀", "白蚁", "除虫", "杀虫", "臭虫", "跳蚤"),
           ("消杀", "灭鼠", "除虫", "杀虫", "白蚁", "灭蟑", "病媒")),
    "家电维修": (("空调坏", "冰箱坏", "洗衣机坏", "电视坏", "热水器坏", "修空调", "修冰箱",
              "修洗衣机", "修电视", "修热水器", "家电维修", "修家电"),
             ("家电", "空调", "冰箱", "洗衣机", "电视", "热水器")),
    "月嫂": (("坐月子", "月嫂", "产后护理"), ("月嫂", "产后", "母婴护理")),
    "乐器": (("钢琴", "吉他", "二胡", "古筝", "小提琴", "乐器", "葫芦丝", "笛子"),
           ("钢琴", "吉他", "二胡", "古筝", "小提琴", "乐器", "器乐", "葫芦丝", "笛子")),
    "游泳": (("游泳",), ("游泳",)),
    "电脑": (("学电脑", "电脑操作", "电脑课", "编程", "用电脑"), ("电脑", "编程", "计算机")),
    "殡葬": (("办丧事", "料理后事", "殡葬", "丧葬"), ("殡葬", "丧葬", "后事")),
    "房屋鉴定": (("危房", "房屋鉴定", "房屋安全鉴定"), ("鉴定", "检测", "危房", "房屋安全")),
    "外语": (("学英语", "学外语", "英语口语", "学日语", "学韩语"),
           ("英语", "外语", "日语", "韩语")),
    "烹饪": (("学做饭", "学烹饪", "学厨艺", "学做菜", "学面点"),
           ("烹饪", "厨艺", "面点", "厨师", "做菜")),
    "装修": (("要装修", "想装修", "需要装修", "装修一下", "重新装修", "帮忙装修", "刷墙", "粉刷",
            "贴瓷砖", "铺地板"),
           ("装修", "粉刷", "刷墙", "泥工", "瓦工")),
    "无障碍": (("扶手", "坡道", "无障碍"), ("扶手", "坡道", "无障碍", "适老化")),
    "球场": (("打球", "打篮球", "踢球", "踢足球", "打羽毛球", "打乒乓", "乒乓球比赛", "篮球赛",
              "足球赛"),
           ("操场", "球场", "体育馆", "球馆", "运动场", "篮球", "足球", "羽毛球", "乒乓", "排球")),
    "创业": (("开网店", "开店", "开个店", "开小店", "创业", "做生意", "摆摊", "直播带货"),
           ("创业", "网店", "开店", "带货", "电商")),
    "看医生": (("看医生", "找医生", "确诊", "诊断", "开点药", "开些药", "开处方"),
            ("医生", "医院", "门诊", "诊所", "医师")),
    "伤口护理": (("伤口", "褥疮", "压疮", "换药", "创面"),
             ("换药", "伤口", "褥疮", "压疮", "创面")),
    "助餐": (("吃饭凑合", "饭凑合", "啃馒头", "热乎饭", "热饭", "晌午饭", "泡面", "午饭没",
            "中午饭", "饭没着落", "开不了火", "不开火", "吃不上饭", "吃饭难", "没饭吃"),
           ("餐", "食堂", "饭堂", "做饭", "烧饭", "饭菜", "送饭", "午饭", "盒饭", "堂食")),
    "急救": (("噎着", "噎住", "卡喉", "学急救", "急救知识", "心肺复苏", "海姆立克"),
           ("急救培训", "急救法", "急救知识", "教急救", "心肺复苏", "海姆立克")),
    "失能照护": (("失能", "半身不遂", "要人喂"),
             ("护工", "护理", "照护", "托管失能", "照料失能", "卧床", "翻身", "日间照料",
              "半失能")),
    "清运": (("堆成山", "垃圾成堆", "成堆的垃圾", "清运", "拉走", "运走", "没人清"),
           ("清运", "清理", "搬运", "清扫", "大扫除", "清除", "运走", "拉走", "清掏")),
    # a lawyer to act in court (出庭, 代理诉讼) is given by who represents, not by advice
    "诉讼代理": (("出庭", "代理诉讼", "代理打官司", "帮忙打官司", "帮打官司", "替我打官司",
              "请律师打官司", "上法庭"),
             ("代理", "出庭", "打官司", "诉讼")),
    # a haircut is asked for in plain words and given by who cuts hair
    "理发": (("理发", "理个发", "剪头", "剪个头", "剪头发", "头发长了", "头发好长", "头发太长"),
           ("理发", "义剪", "剪发", "剪头", "美发")),
    HOME_VISIT: (("出不了门", "出不去门", "出不了家门", "下不了楼", "下不来楼", "不能出门",
                  "没法出门", "想有人上门", "要人上门", "需要上门", "希望上门", "请人上门",
                  "没空拿去", "拿不过去", "让人上门", "叫人上门", "找人上门", "来家里",
                  "到家里来", "走不了", "下不了床", "起不了床"), _VISITS),
    NEARBY: (("出门不方便", "走不动", "走不远", "腿脚不便", "腿脚不好", "行动不便"), _VISITS),
}
"""Help only a specialist gives: the words a need uses to ask for it, the words a resource
uses to offer it. A need that asks for one (``房产过户需要公证``) is served only by a
resource that says it gives that help (a lawyer does not notarise, an early-years class
gives no rehabilitation training, a nurse who calls to change dressings does not sit up
at night; :func:`specialty_refusal`). Starting a business (开网店) is learnt where
business is taught, not at a job centre; a diagnosis or a prescription (找医生看看开点药)
comes from a doctor, not a counsellor; a wound or a bedsore (褥疮) is dressed by who says
so (换药), not by a carer who washes and feeds; and a frail person (失能, 半身不遂, 吃饭要人喂)
is looked after by carers (护工, 护理, 照护), not by volunteers who call for a chat; a
need to learn what to do when someone chokes (噎着) is met by a first-aid class, not a
cooking one. A meal (吃饭凑合, 中午饭没人做) comes from who gives meals (餐, 食堂, 做饭), not
from a visitor who chats; renovation is asked for (想装修, 刷墙), not named as the
context of another problem (装修活的工钱, 楼上装修太吵). What a resource says it does
not give (不上门, 不提供夜间陪护) is not what it gives (:func:`specialty_mask`). Only
words that ask for the
help itself: ``住院`` or ``精神病`` also name who a need is about. A ball game needs a
court (a meeting room is no place to play), and people who cannot leave home
(:data:`HOME_VISIT`: 出不了门, 下不了楼) are served only by help that comes to them
(上门, 配送, 探访) or online (:func:`resource_specialties`); people who cannot walk far
(:data:`NEARBY`: 腿脚不好, 走不远) are not sent to the unit (``at_unit``) unless it comes
to them."""

REMOTE_CATEGORIES = frozenset({"legal_advice", "psychological", "smartphone_training",
                               "funds", "micro_wish", "hardship_assistance"})
"""Categories whose help is advice or teaching given by talking (法律服务, 心理服务,
智能手机应用): by phone or video as well as in person; and money or a wish given through
a platform (资金, 微心愿: a fund pays, a wish is claimed online and the thing handed over),
so an online fund or wish platform serves a need that does not ask for someone in person;
困难救助 is money paid by a fund the same way."""


def chinese_number(text: str) -> int | None:
    """An Arabic or Chinese numeral as an int (``None`` when it is neither).

    Examples
    --------
    >>> [chinese_number(t) for t in ("120", "一百二十", "二十五", "十二", "两百", "三千")]
    [120, 120, 25, 12, 200, 3000]

    ``几`` (some) is read as the least it can mean, as a clerk counting on it would:
    ``几十`` at least 20 (几 before a unit: two or more), ``十几`` at least 11 (几 as the
    last digit: one or more); ``几`` alone is no number.

    >>> [chinese_number(t) for t in ("几十", "十几", "二十几", "几百", "几")]
    [20, 11, 21, 200, None]
    """
    if text.isdigit():
        return int(text)
    if text == "几":
        return None
    total, digit, some = 0, None, False
    for ch in text:
        if ch == "几":
            digit = 2  # before a unit; as the last digit it counts 1 (below)
            some = True
            continue
        some = False
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in UNITS:
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:
            return None
    if digit is not None and some:
        digit = 1
    return total + (digit or 0)


@dataclass(frozen=True)
class NeedFacts:
    """What a need's text says: people involved, online or phone service, days."""

    people: int | None = None
    online_ok: bool | None = None
    days: str | None = None  # "weekday" | "weekend" | None
    needs_place: bool = False
    objects: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResourceFacts:
    """What a resource's text says about the people it takes and whom it serves."""

    seats: int | None = None
    only_for: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    registered_only: bool = False
    days: str | None = None  # "weekday" | "weekend" | None
    goods: tuple[str, ...] = ()


def need_facts(text: str, category: str | None = None) -> NeedFacts:
    """The facts in a need's title and description (and, for online service, its
    category: a need of a :data:`REMOTE_CATEGORIES` category whose text says nothing
    either way can be served online).

    Examples
    --------
    >>> need_facts("党员大会没地方开，全体党员一百二十人")
    NeedFacts(people=120, online_ok=None, days=None, needs_place=False, objects=())
    >>> f = need_facts("六十人参加的比赛，需要场地")
    >>> f.needs_place, need_facts("老人摔伤后出门要一台轮椅").objects
    (True, ('轮椅',))
    >>> need_facts("购房合同纠纷，电话咨询也行").online_ok
    True
    >>> need_facts("工作日孩子放学后没人接，周一到周五下午").days
    'weekday'
    >>> [need_facts("包工头不给结账", c).online_ok for c in ("legal_advice", "venue")]
    [True, None]
    >>> need_facts("留守老人想有人聊天，需要有人上门", "psychological").online_ok
    False
    """
    people = [n for m in _PEOPLE.finditer(text)
              if (n := chinese_number(m.group(1))) is not None and n >= 2]
    online: bool | None = None
    if _ONLINE_NO.search(text):
        online = False
    elif _ONLINE_YES.search(text) or category in REMOTE_CATEGORIES:
        online = True
    weekday, weekend = bool(_WEEKDAY_NEED.search(text)), bool(_WEEKEND_NEED.search(text))
    days = "weekday" if weekday and not weekend else "weekend" if weekend and not weekday \
        else None
    objects = named_objects(text)
    return NeedFacts(people=max(people) if people else None, online_ok=online, days=days,
                     needs_place=bool(_PLACE_NEED.search(text)), objects=objects)


def online_basis(text: str, category: str | None = None) -> str:
    """Why :func:`need_facts` says a need can be served online: ``"text"`` (its words say
    so), ``"category"`` (only its category suggests it) or ``""`` (it does not say so).

    >>> [online_basis("电话咨询也行"), online_basis("包工头不给结账", "legal_advice")]
    ['text', 'category']
    """
    if _ONLINE_NO.search(text):
        return ""
    if _ONLINE_YES.search(text):
        return "text"
    return "category" if category in REMOTE_CATEGORIES else ""


def named_objects(text: str) -> tuple[str, ...]:
    """The things a need names one by one with a measure word (``一台轮椅``: 轮椅).

    >>> named_objects("孤儿上网课没电脑，想要一台学习电脑"), named_objects("被褥太薄")
    (('学习电脑',), ())
    """
    return tuple(dict.fromkeys(m.group(1) for m in _OBJECT.finditer(text)))


def _terms(phrase: str) -> tuple[str, ...]:
    out = []
    for part in _SPLIT.split(phrase):
        part = part.strip()
        if len(part) >= 2:
            out.append(part)
    return tuple(out)


def resource_facts(text: str) -> ResourceFacts:
    """The facts in a resource's title, description and restriction column.

    Examples
    --------
    >>> f = resource_facts("公益微基金，只用于楼道照明和适老化改造")
    >>> f.only_for
    ('楼道照明', '适老化改造')
    >>> resource_facts("三楼会议室可容纳80人，只在周末借给社区").seats
    80
    >>> resource_facts("免费检修老旧线路，只服务本单位双报到社区").registered_only
    True
    >>> resource_facts("上门擦窗、打扫，不含做饭").excludes
    ('做饭',)
    """
    registered = bool(_REGISTERED.search(text))
    clean = _REGISTERED.sub("", text)
    seats = []
    for m in _SEATS.finditer(clean):
        n = chinese_number(m.group(1) or m.group(2) or m.group(3))
        if n is not None:
            seats.append(n)
    only: list[str] = []
    for m in _ONLY.finditer(clean):
        for t in _terms(m.group(1)):
            if not re.fullmatch(rf"(?:{_NUMBER})\s*(?:个)?(?:人|座|位)", t) \
                    and t not in only and t not in _KINDS_OF_HELP:
                only.append(t)
    excludes: list[str] = []
    for m in _EXCLUDE.finditer(clean):
        for t in _terms(m.group(1) or m.group(2)):
            if t not in excludes and not t.startswith(_OTHER):
                excludes.append(t)
    excludes.extend(t for m in _CANNOT.finditer(clean)  # 初中的题: 初中
                    for t in _terms(re.sub(r"^(.{2,})的.{1,2}$", r"\1", m.group(1)))
                    if t not in excludes)
    days = "weekend" if _WEEKEND_ONLY.search(text) or (
        _ON_A_WEEKEND.search(text) and not _WEEKDAY_NEED.search(text)) else \
        "weekday" if _WEEKDAY_ONLY.search(text) or (
            _AFTER_SCHOOL.search(text) and not _WEEKEND_NEED.search(text)) or (
            _ON_A_WEEKDAY.search(text) and not _WEEKEND_NEED.search(text)) or (
            (one := _ONE_DAY.search(week_words(text))) is not None
            and one.group(1) in "一二三四五") else None
    only = [t for t in only if t not in ("周末", "工作日")]
    only = [own_institution(text.split("，")[0], t) for t in only]
    only.extend(t for m in _ELIGIBLE.finditer(clean) for t in _terms(m.group(1))
                if t not in only)
    if _HOLIDAY_ONLY.search(clean) and HOLIDAYS not in only:
        only.append(HOLIDAYS)
    # what it excludes (不含开药) is not what it gives
    only.extend(t for t in one_field(_EXCLUDE.sub("", clean)) if t not in only)
    if _FRAIL.search(clean) and FRAIL_ONLY not in only:  # care for the frail
        only.append(FRAIL_ONLY)
    only.extend(t for t in one_department(clean) if t not in only)
    only.extend(t for t in hazard_terms(clean) if t not in only)
    goods: list[str] = []
    for m in _GIVE.finditer(clean):
        terms = _terms(m.group(1))
        # "A、B 等" or a name of a class of goods (学习用品) opens the list: examples only
        if "等" not in m.group(1) and not any(t.endswith(_CLASS_OF_GOODS) for t in terms):
            goods.extend(t for t in terms if t not in goods)
    if not goods:  # an open list of one narrow kind closes on its kind
        goods.extend(kind_of_goods(clean))
    excludes.extend(t for t in (*(NIGHT if _DAY_ONLY.search(clean)
                                  or _NO_NIGHTS.search(clean) else ()),
                                *(DAY if _NIGHT_ONLY.search(clean) else ()),
                                *(("下午", *NIGHT) if _MORNING_ONLY.search(clean) else ()),
                                *((*MORNING, *NIGHT) if _AFTERNOON_ONLY.search(clean) else ()),
                                *unlisted_repairs(clean), *over_value_cap(clean),
                                *age_of_children(clean), *unlisted_skills(clean),
                                *talk_only(clean), *one_day_only(clean),
                                *check_only(clean))
                    if t not in excludes)
    if not seats and _SMALL_ROOM.search(clean):
        seats.append(SMALL_ROOM_SEATS)
    return ResourceFacts(seats=min(seats) if seats else None, only_for=tuple(only),
                         excludes=tuple(excludes), registered_only=registered, days=days,
                         goods=tuple(goods))


def _repairs_a_named_part(excludes: tuple[str, ...], need_text: str) -> bool:
    """Whether the only parts a need names that a repair crew leaves out
    (:func:`unlisted_repairs`) come with a part it repairs: ``一开空调就跳闸`` is about the
    wiring (跳闸), which an electrician's crew repairs, not about the air conditioner.

    >>> ex = unlisted_repairs("电工修灯、换开关插座、查线路")
    >>> _repairs_a_named_part(ex, "老房子一开空调就跳闸"), _repairs_a_named_part(ex, "空调坏了")
    (True, False)
    """
    hit = [t for t in excludes if term_in_text(t, need_text)]
    if not hit or any(t not in _REPAIR_WORDS for t in hit):
        return False
    return any(w in need_text for w in _REPAIR_WORDS if w not in excludes)


def own_institution(title: str, term: str) -> str:
    """A term of "this hospital's" (``本院出院病人``) with the hospital the resource's title
    names (``二院康复科``: ``二院（本单位）出院病人``), met only by a need that names it
    (:func:`term_in_text`); other terms, or a title that names no such place, unchanged.

    >>> own_institution("二院康复科延续护理", "本院出院病人")
    '二院（本单位）出院病人'
    >>> own_institution("市实验中学课后服务", "本校学生"), own_institution("课后服务", "本校学生")
    ('实验中学（本单位）学生', '本校学生')
    """
    m = _OWN.match(term)
    if m is None:
        return term
    name = re.match(rf"^.{{0,10}}?(?:{_OWN_NAME[m.group(1)]})", title)
    place = _AREA.sub("", name.group(0)) if name else ""
    if len(place) < 2:
        return term
    return place + OWN_MARK + term[m.end():]


def unlisted_repairs(text: str) -> tuple[str, ...]:
    """The words of the parts (:data:`REPAIR_PARTS`) a repair crew does not name, when it
    names what it repairs; nothing for a text that repairs nothing or names no part.

    >>> "电梯" in unlisted_repairs("物业电工、水工上门维修水电，更换灯具")
    True
    >>> any(w in unlisted_repairs("物业电工、水工上门维修水电") for w in ("线路", "漏水"))
    False
    >>> unlisted_repairs("园林工人修剪树木、补种绿化"), unlisted_repairs("水电费代缴")
    ((), ())
    """
    if not _REPAIR.search(text):
        return ()
    named = {part for part, words in REPAIR_PARTS.items() if any(w in text for w in words)}
    if not named:
        return ()
    kept = {w for part in named for w in REPAIR_PARTS[part]}
    return tuple(dict.fromkeys(w for part, words in REPAIR_PARTS.items()
                               if part not in named for w in words if w not in kept))


SKILLS: dict[str, tuple[str, ...]] = {
    "书法": ("书法", "毛笔字", "硬笔"),
    "绘画": ("国画", "画画", "绘画", "油画", "素描"),
    "舞蹈": ("舞蹈", "跳舞", "广场舞", "民族舞"),
    "声乐": ("声乐", "唱歌", "合唱"),
    "戏曲": ("戏曲", "越剧", "京剧", "黄梅戏", "沪剧", "昆曲"),
    "乐器": ("乐器", "二胡", "古筝", "钢琴", "吉他", "葫芦丝"),
    "太极": ("太极", "八段锦", "五禽戏", "气功"),
    "球类": ("乒乓", "篮球", "足球", "羽毛球", "排球", "门球", "打球"),
    "游泳": ("游泳",),
    "瑜伽": ("瑜伽",),
    "打车": ("打车", "叫车", "网约车"),
    "挂号": ("挂号",),
    "视频通话": ("打视频", "视频通话", "视频聊天"),
    "支付": ("支付", "付款", "扫码", "二维码", "收款", "转账", "转帐"),
}
"""Arts and sports a class teaches, and the words for each. A class that names what it
teaches (``越剧和合唱辅导``) teaches nothing else: a need to learn another (``想练毛笔字``)
is refused (:func:`unlisted_skills`)."""
_TEACH = re.compile(r"教|培训|辅导|课|班|带练|指导")


def unlisted_skills(text: str) -> tuple[str, ...]:
    """The skills of :data:`SKILLS` a class does not name, when it names what it teaches
    (each a term met by the skill's words); nothing for a text that teaches nothing or
    names no skill.

    >>> unlisted_skills("新村文艺辅导，越剧和合唱辅导")[:3]
    ('书法', '绘画', '舞蹈')
    >>> unlisted_skills("文化馆老师教授书法、国画和广场舞")[:2], unlisted_skills("乒乓球馆开放")
    (('声乐', '戏曲'), ())
    """
    if not _TEACH.search(text):
        return ()
    named = {k for k, words in SKILLS.items() if any(w in text for w in words)}
    return tuple(k for k in SKILLS if k not in named) if named else ()


_TALK = re.compile(r"讲座|讲解|宣讲|宣传|科普|讲课|讲党")
_HANDS_ON = re.compile(r"维修|修理|检修|更换|疏通|抢修|修缮|上门|巡逻|清理|演练|带练|辅导|教")
BREAKDOWNS = ("不亮", "跳闸", "停电", "漏水", "堵塞", "失灵", "故障", "坏掉")
"""Words of a need about something broken: a fix, not a talk."""


_CHECK_ONLY = re.compile(r"(?:只|仅)(?:做)?(?:检查|筛查|体检|查体)|只查不治|只看不治|"
                         r"不做治疗|不治疗")
ACUTE = ("牙疼", "牙痛", "疼得", "疼痛", "肿了", "红肿", "发炎", "化脓", "出血", "发高烧")
"""Words of a need about an illness that hurts now: treatment, not a check."""


def check_only(text: str) -> tuple[str, ...]:
    """What a resource that only checks (只检查, 仅筛查, 只查不治) does not take: a need
    about an illness that hurts now (:data:`ACUTE`), each a term ``肿了（只查不治）``.

    >>> check_only("眼科义诊，只做筛查不开药")[:2]
    ('牙疼（只查不治）', '牙痛（只查不治）')
    >>> check_only("社区医生上门看病、开药")
    ()
    """
    if not _CHECK_ONLY.search(text):
        return ()
    return tuple(f"{w}（只查不治）" for w in ACUTE)


def talk_only(text: str) -> tuple[str, ...]:
    """What a resource that only gives talks (讲座, 讲解, 宣讲 …, and no hands-on work)
    does not take: a need about something broken (:data:`BREAKDOWNS`), each a term
    ``漏水（只讲不修）`` met by its word.

    >>> talk_only("电梯安全知识讲座，工程师讲解安全乘梯和困梯自救")[:2]
    ('不亮（只讲不修）', '跳闸（只讲不修）')
    >>> talk_only("消防员指导居民使用灭火器、组织疏散演练"), talk_only("上门维修水电")
    ((), ())
    """
    if not _TALK.search(text) or _HANDS_ON.search(text):
        return ()
    return tuple(f"{w}（只讲不修）" for w in BREAKDOWNS)


def over_value_cap(text: str) -> tuple[str, ...]:
    """The things of :data:`TYPICAL_PRICES` that cost more than the value cap a resource
    states (``价值200元以内``, ``每件不超过300元``), each as a term whose head is the thing
    (so the reason reads ``不含电脑（超出价值上限200元）``); nothing without a cap.

    >>> over_value_cap("党员在线认领困难群众的小心愿，价值200元以内")[:2]
    ('电脑（超出价值上限200元）', '平板（超出价值上限200元）')
    >>> over_value_cap("每年拿出5万元"), "轮椅（超出价值上限500元）" in over_value_cap(
    ...     "每件不超过500元")
    ((), False)
    """
    caps = [n for m in _CAP.finditer(text)
            if (n := chinese_number(m.group(1) or m.group(2))) is not None]
    if not caps:
        return ()
    cap = min(caps)
    return tuple(f"{thing}（超出价值上限{cap}元）" for thing, price in TYPICAL_PRICES.items()
                 if price > cap)


def kind_of_goods(text: str) -> tuple[str, ...]:
    """The examples and the kind of an open list of goods of one narrow kind
    (``书包、文具、台灯等学习用品``: the three and 学习用品); a thing of another kind
    (``一台轮椅``) is not among them. A broad kind (``米面油等生活物资``, :data:`_BROAD_KINDS`)
    keeps the list open: nothing.

    >>> kind_of_goods("书包、文具、台灯等学习用品，可认领")
    ('书包', '文具', '台灯', '学习用品')
    >>> kind_of_goods("发放米、面、油等生活物资")
    ()
    """
    out: list[str] = []
    for m in _KIND.finditer(text):
        if m.group(2) in _BROAD_KINDS or m.group(2).endswith(_BROAD_KINDS[:2]):
            continue
        out.extend(t for t in (*_terms(m.group(1)), m.group(2)) if t not in out)
    return tuple(out)


DEPARTMENTS = ("口腔科", "眼科", "皮肤科")
"""Clinics of one department, and the problems each sees (:data:`COVERS`)."""
_DEPARTMENT = re.compile("|".join(DEPARTMENTS))
_GENERAL_CARE = re.compile(r"全科|家庭医生|巡诊|出诊|慢病|各科|内科")


def one_department(text: str) -> tuple[str, ...]:
    """The department a clinic of one department names (``医院口腔科免费洗牙``: 口腔科), as
    a term it is only for (met by the problems it sees, :data:`COVERS`); nothing for a
    text naming several departments or general care (全科, 家庭医生, 巡诊).

    >>> one_department("到医院口腔科免费洗牙、补牙"), one_department("全科医生和眼科医生巡诊")
    (('口腔科',), ())
    """
    named = set(_DEPARTMENT.findall(text))
    if len(named) != 1 or _GENERAL_CARE.search(text):
        return ()
    return tuple(named)


def term_in_text(term: str, text: str) -> bool:
    """Whether a restriction's term is met by ``text``: the term, its head, its stem
    without a word for goods or staff, or a word for the people it names occurs.

    >>> term_in_text("电梯维修", "小区电梯老是停"), term_in_text("电梯维修", "水管要维修")
    (True, False)
    >>> term_in_text("药品", "腿脚不便买药难"), term_in_text("药品", "买菜难")
    (True, False)
    >>> term_in_text("青少年", "初三学生焦虑失眠"), term_in_text("青少年", "老人情绪低落")
    (True, False)
    """
    return _pattern_of((term,)).search(text) is not None


_BROAD_GROUPS = ("老人", "老年")


def _groups_of(term: str) -> tuple[str, ...]:
    """The groups of people (:data:`GROUPS`) a term names, the narrowest only: 失能老人 is
    met by a frail person (中风, 卧床), not by any old person (长辈), so 不接失能老人 does not
    refuse an old person's lunch.

    >>> _groups_of("失能老人"), _groups_of("独居老人")
    (('失能',), ('老人',))
    """
    groups = tuple(g for g in GROUPS if g in term)
    narrow = tuple(g for g in groups if g not in _BROAD_GROUPS)
    return narrow or groups


@lru_cache(maxsize=1 << 12)
def _words_of(term: str) -> tuple[str, ...]:
    """The words whose occurrence meets ``term`` (:func:`term_in_text`)."""
    if OWN_MARK in term:  # the resource's own hospital or school: its name alone
        return (term.split(OWN_MARK)[0],)
    core = term  # 老旧小区楼道照明: the modifiers that say nothing alone skipped, 楼道照明
    while len(core) > 2 and core[:2] in _GENERIC:
        core = core[2:]
    head = core[:2]
    stem = next((term[:-len(s)] for s in _GOODS_SUFFIXES
                 if term.endswith(s) and len(term) > len(s)), "")
    words = [term, core, *([head] if head not in _GENERIC else []),
             *([stem] if stem and stem[:2] not in _GENERIC else []),
             *(w for g in _groups_of(term) for w in (g, *GROUPS[g])),
             # students of no one stage (只接学生, not 只接小学生): pupils of any school year
             *(GROUPS["青少年"] if term == "学生" else ()),
             *(w for _, _, needs in FIELD_FAMILIES for f, ws in needs.items()
               if term == f"{f}问题" for w in ws),
             *SKILLS.get(term, ()), *HAZARD_TERMS.get(term, ()),
             *(w for k, ws in COVERS.items() if k in term for w in ws)]
    return tuple(dict.fromkeys(w for w in words if w))


@lru_cache(maxsize=1 << 12)
def _pattern_of(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the words that meet any of ``terms``: a text meets one of them
    when it matches (one search per text, not one per word)."""
    words = sorted({w for t in terms for w in _words_of(t)}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _same_thing(a: str, b: str) -> bool:
    """Whether two names of goods name the same thing: one holds the other, or they end
    in the same two characters (a Chinese noun's head is its end: 学习电脑 is a 电脑)."""
    return a in b or b in a or a[-2:] in b or b[-2:] in a


FIRES = ("火灾", "着火", "着了火", "失火", "起火", "烧光", "烧没了", "烧了")
COVERS: dict[str, tuple[str, ...]] = {
    "适老化": ("扶手", "防滑", "摔跤", "摔倒", "坡道", "适老"),
    "眼科": ("眼睛", "眼前", "视力", "看不清", "看东西", "白内障", "青光眼", "眼花"),
    "口腔科": ("牙", "口腔"),
    "冬衣": ("衣服", "棉衣", "冬衣", "羽绒服", "棉袄", "棉裤", "外套"),
    "党建": ("党员", "党课", "支部", "主题党日", "党史", "二十大", "三会一课", "党组织", "红色"),
    "学费": ("学费", "考上", "录取", "入学报到"),
    "加装电梯": ("加装电梯", "装电梯", "加梯", "装梯", "安电梯"),
    "火灾": FIRES, "失火": FIRES, "着火": FIRES,
    "大病": ("大病", "重病", "重症", "癌", "白血病", "住院", "手术"),
    "意外": ("意外", "车祸", "事故", "摔伤", "受伤"),
    HOLIDAYS: ("寒暑假", "暑假", "寒假", "假期", "放假", "暑期", "七八月", "7、8月", "七月", "八月",
               "7月", "8月"),
    "缝补": ("缝补", "缝衣", "缝扣", "缝一", "扣子", "纽扣", "裤脚", "针线", "穿针", "改衣", "补衣",
           "拉链"),
    "皮肤科": ("皮肤", "湿疹", "疱疹", "蛇盘疮", "水泡", "皮炎", "癣", "痒", "起疹子", "长疹子"),
}
"""What a use or a clinic a restriction names covers, in the words a need uses: a fund
only for 适老化改造 pays for a handrail (装扶手), an eye clinic (只看眼科) sees a cataract."""

HAZARDS: dict[str, tuple[str, ...]] = {
    "用电": ("用电", "电线", "充电", "电动车", "电瓶车", "私拉", "插座", "电器", "触电", "漏电"),
    "燃气": ("燃气", "煤气", "天然气", "液化气", "用气"),
    "消防": ("消防", "灭火", "火灾", "着火", "失火", "防火", "疏散", "逃生"),
    "电梯": ("电梯", "困梯", "乘梯"),
    "交通": ("交通", "过马路", "路口", "车祸"),
    "防骗": ("诈骗", "反诈", "防骗", "骗子", "骗局", "上当", "被骗"),
}
"""The hazards a safety talk or drill is about, and their words. A talk that names its
hazards (``讲电动车充电、私拉电线的危险``) does not take a need about another one (煤气罐);
fire safety (消防) covers the fires of power and gas (:func:`hazard_terms`)."""
FIRE_COVERS = ("用电", "燃气")
HAZARD_TERMS = {f"{k}安全": ws for k, ws in HAZARDS.items()}
_HAZARD_WORDS = re.compile("|".join(w for ws in HAZARDS.values() for w in ws))
# a talk on preventing a hazard (防范电信诈骗) is a safety talk too
_SAFETY = re.compile(r"安全|危险|消防|隐患|防范|反诈|防骗")
_DRILL = re.compile(r"讲|教|课|培训|演练|演示|宣传|科普|指导")


def hazard_terms(text: str) -> tuple[str, ...]:
    """The hazards (:data:`HAZARDS`) a safety talk or drill names, as terms it is only
    for (``用电安全``), fire safety with the fires of power and gas; nothing for a text
    that is no safety talk or names no hazard. A need that names no hazard meets them.

    >>> hazard_terms("供电公司安全用电课，讲电动车充电、私拉乱接电线有多危险")
    ('用电安全',)
    >>> hazard_terms("消防员教用灭火器，组织疏散演练")
    ('用电安全', '燃气安全', '消防安全')
    >>> hazard_terms("免费查修老旧线路、换电表箱"), hazard_terms("平安巡逻队")
    ((), ())
    """
    if not (_SAFETY.search(text) and _DRILL.search(text)):
        return ()
    named = {k for k, ws in HAZARDS.items() if any(w in text for w in ws)}
    if "消防" in named:
        named.update(FIRE_COVERS)
    return tuple(f"{k}安全" for k in HAZARDS if k in named)


_AGE_TERM = re.compile(rf"({_NUMBER})\s*周?岁(以下|以内|及以下|以上|及以上)")
_AGE = re.compile(rf"({_NUMBER})\s*(?:多|来)?\s*周?岁|({_NUMBER})出头")
_NEGATED = re.compile(r"(?:不是|并非|不属于|不算)[^，。；;,.！!？?]{0,6}")
DEGREES = ("重度", "中度", "轻度")
_ADULTS = re.compile(r"成人|成年|大人")
_PRICE = re.compile(rf"({_NUMBER})\s*(?:多|来|余)?\s*(?:块|元)")
_CAP_TERM = re.compile(r"超出价值上限(\d+)元")


# 18到45岁, 14至28周岁: an age range
_AGE_RANGE = re.compile(rf"({_NUMBER})\s*(?:周?岁)?\s*(?:到|至|~|～|-|—)\s*({_NUMBER})\s*周?岁")
# 七老八十, 六老七十: in their seventies (the first decade named)
_OLD_DECADES = re.compile(r"([五六七八九])老[六七八九]十")
# the words of young adults of no stated age (a job for 18 to 45)
_YOUNG_ADULTS = re.compile(r"年轻人|小年轻|小伙|后生|刚毕业|毕业生|大学生|年轻姑娘|二十来岁")


def _range_met(term: str, text: str) -> bool | None:
    """Whether an age range (``18到45岁``) is met by the ages a need states, or, when it
    states none, by the words of the people in it (children up to 14, pupils 13 to 17,
    young adults 22 to 25, old people from 60); ``None`` for a term that is no range."""
    m = _AGE_RANGE.search(term)
    if m is None:
        return None
    lo, hi = chinese_number(m.group(1)), chinese_number(m.group(2))
    if lo is None or hi is None:
        return None
    ages = _stated_ages(text)
    if ages:
        return any(lo <= a <= hi for a in ages)
    return (hi <= 14 and term_in_text("儿童", text)) or (
        lo <= 17 and hi >= 13 and term_in_text("青少年", text)) or (
        lo <= 25 and hi >= 22 and _YOUNG_ADULTS.search(text) is not None) or (
        hi >= 60 and term_in_text("老人", text))


def _stated_ages(text: str) -> list[int]:
    """The ages a need states (``五十多岁``, ``二十出头``, ``七老八十``)."""
    ages = [a for g in _AGE.finditer(text)
            if (a := chinese_number(g.group(1) or g.group(2))) is not None]
    ages.extend(DIGITS[g.group(1)] * 10 for g in _OLD_DECADES.finditer(text))
    return ages


def _age_met(term: str, text: str) -> bool | None:
    """Whether an age limit (``三岁以下``, ``45岁以下``, ``六十岁以上``) is met by the ages a
    need states (``一岁多的娃``, ``五十多岁``), or, when it states none, by the words of
    babies (a limit up to six) or of old people (from 55); ``None`` for a term that is no
    age limit."""
    m = _AGE_TERM.search(term)
    if m is None or (limit := chinese_number(m.group(1))) is None:
        return _range_met(term, text)
    below = m.group(2) in ("以下", "以内", "及以下")
    # 二十出头: twenty-odd
    ages = _stated_ages(text)
    if ages:
        return any(a < limit if m.group(2) == "以下" else a <= limit for a in ages) \
            if below else any(a >= limit for a in ages)
    group = "婴幼儿" if below and limit <= 6 else "儿童" if below and limit <= 14 else \
        "老人" if not below and limit >= 55 else None
    return group is not None and term_in_text(group, text)


def _only_for_met(only_for: tuple[str, ...], text: str) -> bool:
    """Whether a need meets what a resource is only for: a hazard of a safety talk (or it
    names none), and one of the other terms: an age limit by the ages it states, a term
    by its words (:func:`term_in_text`) outside what the need says it is not (``都不是低保户``)
    and without naming another degree (``轻度残疾`` does not meet ``重度残疾人``)."""
    hazards = tuple(t for t in only_for if t in HAZARD_TERMS)
    if hazards and _HAZARD_WORDS.search(text) and not _pattern_of(hazards).search(text):
        return False
    rest = tuple(t for t in only_for if t not in HAZARD_TERMS)
    if not rest:
        return True
    clean = _NEGATED.sub("", text)
    for t in rest:
        age = _age_met(t, clean)
        if age is not None:
            if age:
                return True
            continue
        degree = next((d for d in DEGREES if d in t), None)
        if degree and degree not in clean and any(d in clean for d in DEGREES):
            continue
        if _ADULTS.search(t) and term_in_text("儿童", clean):  # 只捐成人冬衣: not a child's
            continue
        if _pattern_of((t,)).search(clean):
            return True
    return False


def stated_price(text: str) -> int | None:
    """The most a need says the thing it asks for costs (``一千多块``: 1000), or ``None``.

    >>> stated_price("孩子想要个电子琴，一千多块"), stated_price("孩子想要一双球鞋")
    (1000, None)
    """
    prices = [n for m in _PRICE.finditer(text) if (n := chinese_number(m.group(1)))]
    return max(prices) if prices else None


_DAY_OF_WEEK = "一二三四五六日"
_ONE_DAY = re.compile(r"(?:只在|仅在|只有|仅限|仅|只)(?:每周|每个?星期)?(?:周|星期|礼拜)"
                      r"([一二三四五六日天])(?![到至~～、和及与])")


def week_words(text: str) -> str:
    """``text`` with the days of the week in one form (星期三, 礼拜三: 周三; 星期天: 周日)."""
    if "星期" not in text and "礼拜" not in text and "周天" not in text:
        return text
    for word in ("星期", "礼拜"):
        text = text.replace(word + "天", "周日").replace(word, "周")
    return text.replace("周天", "周日")


def one_day_only(text: str) -> tuple[str, ...]:
    """The other days of the week, as terms, of a resource open on one day only
    (``只在周一闭馆日``): ``周三（只在周一）`` and, for a weekday, the weekend.

    >>> one_day_only("报告厅只在周一闭馆日借给社区")[:2], one_day_only("只在周一到周五")
    (('周二（只在周一）', '周三（只在周一）'), ())
    """
    m = _ONE_DAY.search(week_words(text))
    if m is None:
        return ()
    day = "日" if m.group(1) == "天" else m.group(1)
    terms = [f"周{d}（只在周{day}）" for d in _DAY_OF_WEEK if d != day]
    if day not in "六日":
        terms += [f"周末（只在周{day}）", f"节假日（只在周{day}）"]
    return tuple(terms)


def restriction_refuses(only_for: tuple[str, ...], excludes: tuple[str, ...],
                        need_text: str, goods: tuple[str, ...] = ()) -> str | None:
    """Why a resource's restrictions refuse a need (Chinese), or ``None``.

    ``goods`` is the closed list of what a resource gives (``捐赠口罩、消毒液和棉被``,
    :attr:`ResourceFacts.goods`): a need that names one thing it asks for (``一台轮椅``,
    :attr:`NeedFacts.objects`) is refused when none of the goods is that thing.

    >>> restriction_refuses(("楼道照明",), (), "加装电梯坏了维修缺钱")
    '只用于楼道照明'
    >>> restriction_refuses((), ("做饭",), "独居老人想有人帮做饭") is not None
    True
    >>> goods = ("口罩", "消毒液", "冬季棉被")
    >>> restriction_refuses((), (), "需要一台轮椅", goods)
    '只有口罩、消毒液、冬季棉被'
    >>> restriction_refuses((), (), "想要两床棉被", goods), restriction_refuses(
    ...     (), (), "被褥太薄，冻得睡不着", goods)
    (None, None)
    """
    need_text = week_words(need_text)
    if only_for and not _only_for_met(only_for, need_text):
        return "只用于" + "、".join(only_for)
    if excludes and _pattern_of(excludes).search(need_text) is not None \
            and not _repairs_a_named_part(excludes, need_text):
        return "不含" + "、".join(t for t in excludes if term_in_text(t, need_text))
    cap = next((int(m.group(1)) for t in excludes if (m := _CAP_TERM.search(t))), None)
    price = stated_price(need_text) if cap is not None else None
    if cap is not None and price is not None and price > cap:
        return f"超出价值上限{cap}元（需求约{price}元）"
    if goods:
        wanted = named_objects(need_text)
        if wanted and not any(_same_thing(w, g) for w in wanted for g in goods):
            return "只有" + "、".join(goods)
    return None


PLACE_CATEGORIES = frozenset({"venue"})
"""Categories whose help is a place (场地借用)."""


def offers_place(categories: tuple[str, ...], seats: int | None) -> bool:
    """Whether a resource gives a place: it serves a :data:`PLACE_CATEGORIES` category or
    says how many it seats. A need that asks for a place (:attr:`NeedFacts.needs_place`,
    ``六十人的比赛，需要场地``) is served only by such a resource.

    >>> offers_place(("sports_leisure",), None), offers_place(("sports_leisure",), 40)
    (False, True)
    """
    return seats is not None or any(c in PLACE_CATEGORIES for c in categories)


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern that matches, at a position, the longest of ``words`` starting there:
    the words as a trie (``(?:老(?:人|年)|…)``), so the engine reads each character once
    instead of trying every word in turn.

    >>> word_pattern(["夜间", "夜间陪护", "陪护"]).findall("夜间陪护，夜间，陪护")
    ['夜间陪护', '夜间', '陪护']
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def regex(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + regex(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 \
            else f"(?:{'|'.join(branches)})"
        return body + "?" if "" in node else body

    return re.compile(regex(trie) or "(?!)")


def _specialty_reader(side: int) -> tuple[re.Pattern[str], dict[str, int]]:
    """One pattern that finds the longest word of ``side`` of any specialty starting at
    a position, and each word's bits: its own specialties' and those of every shorter
    word inside it (so the words found at every position where one starts name exactly
    the specialties whose words occur)."""
    bits: dict[str, int] = {}
    for k, words in enumerate(w[side] for w in SPECIALTIES.values()):
        for w in words:
            bits[w] = bits.get(w, 0) | (1 << k)
    closed = {w: _or(b for v, b in bits.items() if v in w) for w in bits}
    return word_pattern(bits), closed


def _or(values: Iterable[int]) -> int:
    out = 0
    for v in values:
        out |= v
    return out


_SPECIALTY_READERS = (_specialty_reader(0), _specialty_reader(1))


@lru_cache(maxsize=1 << 18)
def specialty_mask(text: str, side: int) -> int:
    """Bit ``k`` set when ``text`` names the ``k``-th of :data:`SPECIALTIES`, in the words
    of a need (``side`` 0) or of a resource (``side`` 1): one scan of the text, whatever
    the number of specialties. (The validator asks it of the same texts pair after pair:
    the last texts' masks are kept.)

    >>> specialty_mask("老人要办公证，下不了楼", 0) == (1 | _HOME_BIT)
    True
    """
    pattern, bits = _SPECIALTY_READERS[side]
    if side == 1:  # 不上门, 不提供夜间陪护, …除外: what it does not give
        text = _not_given(text)
    mask, at = (_NIGHT_BIT if side == 0 and _NIGHT_CARE.search(text) else 0), 0
    while (m := pattern.search(text, at)) is not None:  # each position a word starts at
        mask |= bits[m.group()]
        at = m.start() + 1
    return mask


_NOT_DONE = r"|不(?:能|可|会)?(?:上门|到家|入户|出诊|陪护)"
_NOT_GIVEN = re.compile(_EXCLUDE.pattern + _NOT_DONE)
# the same without the …除外 branch, whose scan is quadratic in the text's length: for a
# text without 除外, where that branch cannot match
_NOT_GIVEN_NO_EXCEPT = re.compile(_EXCLUDE.pattern.rsplit("|", 1)[0] + _NOT_DONE)


def _not_given(text: str) -> str:
    """``text`` without what a resource says it does not give (:data:`_NOT_GIVEN`).

    >>> _not_given("上门理发，不上门修脚"), _not_given("各类维修，电梯除外"), _not_given("理发")
    ('上门理发，修脚', '各类维修，', '理发')
    """
    if "除外" in text:
        return _NOT_GIVEN.sub("", text)
    return _NOT_GIVEN_NO_EXCEPT.sub("", text) if "不" in text else text
_HOME_BIT = 1 << list(SPECIALTIES).index(HOME_VISIT)
_NIGHT_BIT = 1 << list(SPECIALTIES).index("夜间陪护")
_NIGHT_CARE = re.compile(r"(?:夜里|夜间|晚上|半夜|深夜)[^，。；;,.！!？?]{0,4}?"
                         r"(?:翻身|照顾|看护|起来|起夜|守着|护理|陪护|陪床)")
"""Care asked for at night in other words (``夜里要翻身``, ``晚上起来三四次``): night care."""
_NEARBY_BIT = 1 << list(SPECIALTIES).index(NEARBY)


HOME_CATEGORIES = frozenset({"delivery"})
"""Categories whose help is brought to the door (物流快递: 配送, 跑腿)."""


def resource_specialties(text: str, mode: str, categories: tuple[str, ...] = ()) -> int:
    """The specialist help a resource gives (:func:`specialty_mask` of its text), and
    help that comes to people who cannot leave home (:data:`HOME_VISIT`) when it is given
    online or is of a :data:`HOME_CATEGORIES` category, and help near them
    (:data:`NEARBY`) unless people travel to the unit for it.

    >>> resource_specialties("律师视频解答", "online") == _HOME_BIT | _NEARBY_BIT
    True
    >>> resource_specialties("职业技能培训", "onsite") == _NEARBY_BIT
    True
    >>> resource_specialties("店内修鞋", "at_unit"), resource_specialties(
    ...     "", "onsite", ("delivery",)) == _HOME_BIT | _NEARBY_BIT
    (0, True)
    """
    home = mode == "online" or any(c in HOME_CATEGORIES for c in categories)
    return (specialty_mask(text, 1) | (_HOME_BIT | _NEARBY_BIT if home else 0)
            | (_NEARBY_BIT if mode != "at_unit" else 0))


_NOT_FIT = (HOME_VISIT, NEARBY, "夜间陪护", "看医生", "助餐")
FIT_BITS = _or(1 << k for k, name in enumerate(SPECIALTIES) if name not in _NOT_FIT)
"""The specialties whose resource words name the help itself: a resource of a related
category that names the one a need asks for fits it as well as one of the need's own
category (a care home's carers, 护工, for a frail person a clerk filed under 日间照料;
:func:`gives_what_is_asked`). Not where or when help is given (上门, 晚上), nor words any
doctor or any meal help uses (医生, 就餐): those only refuse."""


def gives_what_is_asked(need_mask: int, res_mask: int) -> bool:
    """Whether a resource (its :func:`resource_specialties`) names specialist help a need
    (its :func:`specialty_mask`) asks for (:data:`FIT_BITS`).

    >>> gives_what_is_asked(specialty_mask("失能老人吃饭要人喂", 0),
    ...                     specialty_mask("护工白天上门照护失能老人", 1))
    True
    >>> gives_what_is_asked(specialty_mask("老人出不了门", 0), resource_specialties(
    ...     "志愿者上门陪聊", "onsite"))
    False
    """
    return bool(need_mask & res_mask & FIT_BITS)


SPECIALTY_REFUSALS = tuple(f"需要{name}，该资源不提供" for name in SPECIALTIES)
"""Why a resource that lacks the ``k``-th of :data:`SPECIALTIES` is refused (the lowest
bit of the need's specialties it does not give names it)."""


def specialty_refusal(need_text: str, res_text: str, res_mode: str = "onsite",
                      res_categories: tuple[str, ...] = ()) -> str | None:
    """Why a resource does not give the specialist help a need asks for, or ``None``.

    >>> specialty_refusal("老人要办公证，房产过户需要公证", "律师解答合同、继承等法律问题")
    '需要公证，该资源不提供'
    >>> specialty_refusal("老人要办公证", "公证处上门办理公证")
    >>> specialty_refusal("想立遗嘱", "律师")
    >>> specialty_refusal("残疾人出不了门", "职业技能培训")
    '需要上门服务，该资源不提供'
    >>> specialty_refusal("残疾人出不了门", "线上技能培训", "online")
    """
    missing = specialty_mask(need_text, 0) & ~resource_specialties(res_text, res_mode,
                                                                   res_categories)
    if not missing:
        return None
    return SPECIALTY_REFUSALS[(missing & -missing).bit_length() - 1]

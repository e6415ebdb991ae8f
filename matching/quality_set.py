"""The bigger labelled match-quality set: tuning districts and a test district.

Written by hand, labels included, before any tuning of the acceptance rule, the text
model or the fact parser (``git log`` of this file shows it landed alone). Needs and
resources are written the way community clerks and unit liaisons write them: terse or
long, colloquial, now and then with a typo (孩纸) or Chinese numerals (二百多人); needs
name the problem, not the help. Categories are the taxonomy codes a clerk filling the
form would pick, so a clerk's pick is sometimes a related category of the right help.

Each half is its own district (its own problem, own communities, own units), so the
split is fixed and deterministic: ``T`` to ``T7`` tune, ``E`` and ``E2`` test. ``T2`` (梧桐,
55 needs, 42 resources) was written, labels included, after ``T`` was saturated and before
any tuning on it (its own commit), so that a rule tuned on ``T`` alone shows whether it
generalises. ``T3`` (老城, an old-town street: 71 needs, 44 resources, 24 needs nothing in
it can serve) was written the same way, labels included, after ``T`` and ``T2`` were
saturated and before any run of the matcher on it (its own commit). ``T4`` (滨江, a
riverside street with a port, an industrial park and a university: 71 needs, 46
resources, 19 needs nothing in it can serve, 76 tempting wrong pairs, 40 of its 60 right
pairs sharing no two-character run) was written the same way, labels included, after
``T3`` was tuned and before any run of the matcher on it (its own commit). ``T5`` (石桥, a
resettlement suburb by a river and a hill: 55 needs, 40 resources, 17 needs nothing in it
can serve, 44 tempting wrong pairs, 23 of its 41 right pairs sharing no two-character
run) likewise, after ``T4`` was tuned, its labels written before any run on it. ``E2``
(望江, in :mod:`matching.quality_set_e2`) is a second test district, written blind, labels
included, by a helper who never read how the matcher decides (its own commit).
``T6`` (盐仓, in :mod:`matching.quality_set_t6`, a river-port street: 65 needs, 48
resources) is a tuning district written blind the same way, labels included (its own
commit). ``T7`` (青禾, in :mod:`matching.quality_set_t7`, a new district at the city's edge
with high-rise estates, a village turned residence and a logistics park: 65 needs, 46
resources) is a tuning district written blind the same way, labels included (its own
commit). ``T8`` (锡岭, in :mod:`matching.quality_set_t8`, a tin-mining town's workers'
village with a remote pit village: 62 needs, 46 resources) is a tuning district written
blind the same way, labels included (its own commit). ``T9`` (汤泉, in
:mod:`matching.quality_set_t9`, a hot-spring town street with a grain-station compound, a
village turned residence and a remote tea-hill village: 62 needs, 46 resources) is a
tuning district written blind the same way, labels included (its own commit).

Columns of a need line (``|``-separated)::

    id | community | category | unit of measure | quantity | urgency | people | online |
    title | description | right resources | tempting wrong resources

``people`` is the column a clerk may fill (empty: not given); ``online`` is 是/否/empty.
``right`` lists the resources a street clerk would accept (empty: nothing in the
district can serve the need). ``tempting`` lists resources that look right (a shared
word, the right help out of reach, online-only, earmarked or restricted, too few
seats) but that a clerk would refuse.

Columns of a resource line::

    id | unit | category | unit of measure | capacity | x,y km | reach km | mode |
    seats | also serves (categories, space-separated) | restriction | title | description
"""

from __future__ import annotations

from dataclasses import dataclass

from matching.quality_set_e2 import (
    COMMUNITIES_E2,
    NEEDS_E2,
    REGISTRATIONS_E2,
    RESOURCES_E2,
)
from matching.quality_set_t6 import (
    COMMUNITIES_T6,
    NEEDS_T6,
    REGISTRATIONS_T6,
    RESOURCES_T6,
)
from matching.quality_set_t7 import (
    COMMUNITIES_T7,
    NEEDS_T7,
    REGISTRATIONS_T7,
    RESOURCES_T7,
)
from matching.quality_set_t8 import (
    COMMUNITIES_T8,
    NEEDS_T8,
    REGISTRATIONS_T8,
    RESOURCES_T8,
)
from matching.quality_set_t9 import (
    COMMUNITIES_T9,
    NEEDS_T9,
    REGISTRATIONS_T9,
    RESOURCES_T9,
)

# community id -> (name, (x, y) km east/north of the street office, weak community)
COMMUNITIES: dict[str, dict[str, tuple[str, tuple[float, float], bool]]] = {
    "T": {
        "C-T1": ("东湖", (0.0, 0.0), True),
        "C-T2": ("锦绣苑", (1.5, 0.5), False),
        "C-T3": ("机械厂", (0.5, 1.8), False),
        "C-T4": ("新村", (2.5, 2.0), True),
        "C-T5": ("远郊", (25.0, 25.0), False),
        "C-T6": ("桥西", (3.5, 0.2), False),
    },
    "E": {
        "C-E1": ("桂花", (0.0, 0.0), False),
        "C-E2": ("滨江", (1.8, 0.3), False),
        "C-E3": ("钢厂", (0.4, 2.0), True),
        "C-E4": ("城中村", (2.2, 2.4), True),
        "C-E5": ("山里", (30.0, -20.0), False),
        "C-E6": ("南湖", (-1.5, 1.0), False),
    },
    "T2": {
        "C-V1": ("梧桐", (0.0, 0.0), False),
        "C-V2": ("纺织厂", (1.2, 1.0), True),
        "C-V3": ("江湾", (2.0, -0.5), False),
        "C-V4": ("菜场", (0.6, 2.2), True),
        "C-V5": ("海岛", (40.0, 10.0), False),
        "C-V6": ("新苑", (-1.8, 0.8), False),
    },
    "T3": {
        "C-L1": ("鼓楼", (0.0, 0.0), False),
        "C-L2": ("府前", (1.0, 0.8), True),
        "C-L3": ("水门", (2.2, 0.2), False),
        "C-L4": ("铁路新村", (0.4, 2.2), True),
        "C-L5": ("石岭", (35.0, -15.0), False),
        "C-L6": ("南关", (-1.6, 1.0), False),
    },
    "T4": {
        "C-K1": ("滨江", (0.0, 0.0), False),
        "C-K2": ("花园", (1.3, 0.7), True),
        "C-K3": ("港口", (2.0, -0.6), False),
        "C-K4": ("工业园", (0.5, 2.1), True),
        "C-K5": ("渔村", (28.0, 18.0), False),
        "C-K6": ("学府", (-1.7, 0.9), False),
    },
    "T5": {
        "C-P1": ("石桥", (0.0, 0.0), False),
        "C-P2": ("移民新村", (1.1, 0.9), True),
        "C-P3": ("河埠", (2.3, 0.1), False),
        "C-P4": ("新村", (0.3, 2.3), True),
        "C-P5": ("山上", (-25.0, 30.0), False),
        "C-P6": ("西岭", (-1.5, -1.0), False),
    },
    "E2": COMMUNITIES_E2,
    "T6": COMMUNITIES_T6,
    "T7": COMMUNITIES_T7,
    "T8": COMMUNITIES_T8,
    "T9": COMMUNITIES_T9,
}

# (unit, community) registered with each other (双报到)
REGISTRATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "T": (("U-DL", "C-T4"), ("U-JT", "C-T3"), ("U-SG", "C-T1"), ("U-WY", "C-T1")),
    "E": (("U-SYQ", "C-E2"), ("U-DL2", "C-E4"), ("U-GZ", "C-E3"), ("U-SGZ", "C-E1")),
    "T2": (("U-VDQ", "C-V2"), ("U-VJY", "C-V2"), ("U-VZC", "C-V4"), ("U-VYL", "C-V1")),
    "T3": (("U-LDL", "C-L2"), ("U-LDX", "C-L4"), ("U-LSG", "C-L6"), ("U-LYH", "C-L1")),
    "T4": (("U-KDL", "C-K4"), ("U-KCD", "C-K2"), ("U-KJY", "C-K4"), ("U-KSF", "C-K1")),
    "T5": (("U-PDX2", "C-P4"), ("U-PCD", "C-P1"), ("U-PJK", "C-P3")),
    "E2": REGISTRATIONS_E2,
    "T6": REGISTRATIONS_T6,
    "T7": REGISTRATIONS_T7,
    "T8": REGISTRATIONS_T8,
    "T9": REGISTRATIONS_T9,
}

_RESOURCES_T = """
TR01|U-RMYY|home_medical|次|8|0.8,0.6|3|onsite||||家庭医生签约上门|全科医生团队每月上门巡诊，签约居民可预约出诊、慢病随访
TR02|U-ZYY|home_medical|次|4|1.0,1.4|3|onsite|||不含开药|中医理疗义诊|每月一次推拿、针灸、艾灸，缓解颈肩腰腿痛，不含开药
TR03|U-SG|elderly_care|小时|40|0.3,0.2|3|onsite||||助老志愿服务队|志愿者每周探访独居老人，陪伴聊天、代购生活用品、协助就餐
TR04|U-YLZX|elderly_care|小时|30|1.6,0.8|2|at_unit||||日间照料中心|白天托管失能半失能老人，提供午餐、午休和康复活动
TR05|U-SYXX|child_education|小时|30|0.2,1.2|3|onsite||||四点半课堂|教师志愿者下午放学后辅导作业、看护学生
TR06|U-YEY|child_education|小时|10|1.4,0.2|2|at_unit||||亲子早教|为0到3岁婴幼儿家庭提供亲子游戏和育儿指导
TR07|U-LS|legal_advice|次|12|1.2,1.0|3|onsite||dispute_mediation||一居一法律顾问|律师每月驻点社区，解答合同、婚姻家庭、继承、房屋买卖等法律问题，也参与调解纠纷
TR08|U-RS|legal_advice|次|6|2.0,1.8|3|onsite||||劳动保障维权咨询|人社干部解答拖欠工资、工伤认定、劳动合同等问题
TR09|U-SFS|dispute_mediation|次|8|0.9,0.9|3|onsite||||人民调解员进社区|调解邻里、家庭和物业之间的矛盾纠纷
TR10|U-XL|psychological|次|6|1.7,1.2|3|onsite||||心理疏导志愿服务|国家二级心理咨询师提供一对一心理疏导和危机干预
TR11|U-DX|smartphone_training|场|6|3.0,0.5|3|online||||老年人智能手机课堂|线上直播课教老人用微信视频、扫码支付、网上挂号
TR12|U-YH|community_education|场|3|1.8,1.5|3|onsite||||金融知识进社区|银行员工讲解识别假币、防范电信诈骗和理财风险
TR13|U-GQ|venue|场地|4|1.1,0.4|3|at_unit|80||只在周末|单位会议室周末开放|三楼会议室可容纳80人，只在周末借给社区开展活动
TR14|U-ZX|venue|场地|2|0.4,1.6|3|at_unit||||学校操场体育馆错时开放|节假日向居民开放操场、篮球场和体育馆
TR15|U-MQ|funds|元|50000|2.0,0.0|3|online|||只用于楼道照明和适老化改造|公益微基金|企业每年拿出5万元，只用于老旧小区楼道照明和适老化改造
TR16|U-HSH|materials|件|200|3.5,3.0|5|onsite||||应急物资储备捐赠|捐赠口罩、消毒液、急救包和冬季棉被
TR17|U-WY|property_management|次|10|0.1,0.3|2|onsite||||红色物业便民维修|物业电工、水工上门维修水电，更换灯具，疏通下水管道
TR18|U-HB|environment|小时|40|2.3,1.1|3|onsite||volunteering||垃圾分类督导志愿者|志愿者在投放点值守督导，清理卫生死角
TR19|U-BA|public_safety|小时|30|1.5,1.9|3|onsite||||平安巡逻队|保安员和党员志愿者夜间巡逻
TR20|U-WHG|culture_arts|场|6|1.9,0.3|3|onsite||||书画舞蹈培训|文化馆老师教授书法、国画和广场舞
TR21|U-DXX|party_lecture|场|4|3.0,3.0|5|onsite||||理论宣讲进社区|党校教师上门讲党课、宣讲党的创新理论
TR22|U-RL|employment|人|20|2.2,0.6|3|onsite||||职业技能培训和岗位推荐|提供育婴员、保洁员、电工等技能培训，推荐就业岗位
TR23|U-JZ|housekeeping|小时|20|0.7,0.1|3|onsite||||家政保洁上门|上门打扫卫生、做饭，可按小时预约
TR24|U-MF|hairdressing|次|20|1.3,1.3|3|onsite||||义剪进社区|理发师每月上门为老人和残疾人免费理发
TR25|U-TSG|reading_room|场|4|0.6,2.2|3|at_unit||community_education||城市书房阅读活动|组织绘本共读和读书分享会，也可以办小型讲座
TR26|U-TYJ|sports_leisure|场|6|2.6,1.5|3|onsite||||社会体育指导员带练|教太极拳、八段锦和健身操
TR27|U-KD|delivery|次|30|1.0,0.0|3|onsite||||爱心配送到家|为行动不便的老人免费配送药品和生活物资
TR28|U-DT|public_safety|场|3|1.2,0.8|3|onsite||||电梯安全知识讲座|电梯公司工程师讲解安全乘梯和困梯自救
TR29|U-HL|nursing|小时|16|0.5,0.9|3|onsite||||康复护理上门|护士上门换药、翻身护理、术后康复指导
TR30|U-SG2|hardship_assistance|件|30|0.3,0.2|3|onsite|||仅限低保户|节日慰问包|春节、中秋为低保家庭送米面油，仅限低保户
TR31|U-FL|psychological|次|10|2.8,2.4|3|online||dispute_mediation||婚姻家庭心理热线|妇联心理咨询师电话接听，疏导夫妻矛盾、亲子冲突
TR32|U-XFZ|public_safety|场|2|2.0,2.6|3|onsite||||消防安全演练|消防员指导居民使用灭火器、组织疏散演练
TR33|U-ZX2|community_education|场|3|0.4,1.6|3|onsite||||家庭教育讲座|中学老师讲青春期教育和亲子沟通
TR34|U-CF|tailoring|次|15|0.8,1.9|2|onsite||||便民缝补|老裁缝每周在社区门口缝补衣物、改裤脚、换拉链
TR35|U-JYJ|volunteering|小时|20|1.0,1.0|3|onsite||||手语志愿者|特殊教育学校老师陪同聋哑人就医办事，做手语翻译
TR36|U-QX|home_medical|次|6|3.4,0.4|2|onsite||||桥西卫生服务站上门随访|护士上门量血压、测血糖，登记慢病
TR37|U-WX|smartphone_training|场|4|2.4,2.1|2|onsite||||手机课堂进新村|移动公司营业员到新村教老人用手机
TR38|U-GH|employment|人|10|1.6,0.6|3|onsite|||仅限本市户籍失业人员|工会再就业培训|面点、月嫂培训，仅限本市户籍失业人员
TR39|U-QC|venue|场地|2|2.6,2.2|2|at_unit|30|||新村文化礼堂|可坐30人，适合小型会议
TR40|U-GYY|venue|场地|1|0.6,1.9|2|at_unit||||机械厂老礼堂|能坐两百人的大礼堂，可借用开大会
TR41|U-BX|funds|元|20000|1.2,0.6|3|online|||专项用于困难学生助学|教育助学金|保险公司设立，专项用于困难家庭学生助学，不做其他用途
TR42|U-SN|materials|件|40|1.5,1.5|3|onsite||micro_wish||爱心企业捐赠学习用品|书包、文具、台灯等学习用品，可认领孩子的微心愿
TR43|U-DL|property_management|次|6|2.5,1.9|2|onsite|||限本单位双报到社区|供电所党员服务队|免费检修老旧线路、更换电表箱和楼道灯，只服务本单位双报到社区
TR44|U-WL|psychological|次|8|1.0,0.2|3|online|||仅限青少年及家长|青少年心理咨询线上平台|线上视频咨询，只接青少年和家长
TR45|U-KJ|community_education|场|4|2.0,1.0|3|onsite||||科普进社区|科协专家讲健康养生、防范电信诈骗
TR46|U-JK|epidemic_prevention|小时|12|1.2,1.2|3|onsite||||疫苗接种宣传志愿队|疾控中心志愿者上门讲解流感疫苗、新冠疫苗接种
TR47|U-MZ|hardship_assistance|件|20|0.9,0.5|3|onsite||||慈善超市爱心物资|为困难家庭发放米面油和衣物
TR48|U-JS|nursing|小时|10|2.6,2.3|2|onsite|||不提供夜间陪护|新村护理站|护工白天上门照护卧床老人，不提供夜间陪护
TR49|U-DS|culture_arts|场|4|2.6,1.9|2|onsite||||新村文艺辅导|越剧和合唱辅导
TR50|U-TX|delivery|次|20|0.2,1.7|2|onsite|||只送药品|药房送药上门|连锁药房为厂区老人送药，只送药品
TR51|U-SHG|hairdressing|次|10|3.4,0.3|2|onsite||||桥西义剪|美发店每月一次上门理发
TR52|U-XX|child_education|小时|20|3.3,0.5|2|at_unit|||只在周末|周末儿童托管|周末在校内托管孩子，只在周末
TR53|U-NJ|dispute_mediation|次|5|3.6,0.1|2|onsite||||桥西老娘舅调解室|退休老干部调解家庭矛盾和邻里纠纷
TR54|U-YL|legal_advice|次|10|1.5,0.5|3|online||||线上法律援助|律师电话和视频解答法律问题
TR55|U-HS|environment|小时|20|0.3,0.1|2|onsite||||绿化养护队|园林工人修剪树木、补种绿化
TR56|U-LJ|environment|小时|10|3.5,0.2|2|onsite||||桥西河道保洁|清理河道垃圾、漂浮物
TR57|U-GA|public_safety|场|4|0.5,0.5|3|onsite||community_education||反诈宣传进社区|派出所民警讲解电信诈骗手法和防范知识
TR58|U-TG|sports_leisure|场|4|1.4,0.6|2|at_unit|40|||锦绣乒乓球馆开放|体育公司乒乓球馆每周二下午免费开放，最多40人
TR59|U-DXY|party_lecture|场|3|1.0,1.9|3|onsite||||退休老党员讲党史|老党员讲厂史和党史故事
TR60|U-ZJ|housekeeping|小时|10|2.5,2.2|2|onsite|||不含做饭|新村家政服务队|上门擦窗、打扫，不含做饭
TR61|U-SY|micro_wish|件|10|1.0,0.8|3|online||||微心愿认领平台|党员在线认领困难群众的小心愿，价值200元以内
TR62|U-MD|materials|件|30|0.2,1.8|2|onsite||||厂区爱心衣物捐赠|工会捐赠冬衣和棉被
TR63|U-JT|funds|元|10000|0.6,1.8|3|online|||限本单位双报到社区|机械厂党委帮扶资金|每年1万元，用于双报到社区的微改造和困难帮扶
TR64|U-CX|volunteering|小时|30|1.5,0.5|3|onsite||elderly_care||大学生志愿服务队|周末陪伴老人、帮社区做活动
TR65|U-GJ|culture_arts|场|3|1.5,0.4|3|online||||线上声乐课|合唱老师线上教唱歌
TR66|U-BXG|elderly_care|小时|20|0.4,1.8|2|onsite||||厂区老年食堂送餐|退休职工食堂为高龄老人送午餐
TR67|U-QXH|reading_room|场|2|3.4,0.3|2|at_unit||||桥西农家书屋|借书看报、开展阅读活动
TR68|U-RD|employment|人|8|0.5,0.1|3|online||||线上招聘会|人力资源公司直播推荐岗位，适合有一定学历的求职者
TR69|U-LSH|legal_advice|次|4|2.6,2.0|2|onsite||||新村法律明白人|村里的法律明白人解答土地征收、宅基地问题
TR70|U-ZQ|nursing|小时|8|1.5,0.5|2|online||||护理知识线上课|护士线上教家属怎么护理卧床老人
TR71|U-PK|property_management|次|8|1.5,0.6|2|onsite|||不含电梯维修|锦绣苑物业维修|物业工程部维修水电门窗，不含电梯维修
TR72|U-KY|tailoring|次|8|1.6,0.7|2|at_unit||||锦绣干洗缝补店|店内缝补改衣，需要自己拿过去
TR73|U-ZF|hardship_assistance|件|15|2.5,2.0|2|onsite||||新村困难户帮扶|村股份社给困难户送慰问品
TR74|U-SQY|smartphone_training|场|3|0.1,0.1|2|onsite||||东湖手机互助小组|年轻志愿者一对一教老人用手机
TR75|U-HZ|psychological|次|4|0.5,1.7|2|onsite||||厂医院心理门诊进社区|心理医生进社区筛查抑郁、焦虑
TR76|U-JB|venue|场地|2|1.5,0.6|2|at_unit|12|||锦绣小会议室|物业楼小会议室，坐得下12个人
"""

_NEEDS_T = """
TN01|C-T1|home_medical|次|2|3|||独居老人突发疾病没人照看|3号楼王奶奶82岁独居，高血压心脏病，上个月在家晕倒半天才被发现|TR01|TR02
TN02|C-T2|home_medical|次|1|2|||老人腿脚不好下不了楼|每次去医院开药都要子女请假|TR01 TR36|TR02
TN03|C-T3|home_medical|次|2|2|||退休工人腰酸背痛|厂里退休工人多，常年劳损，想就近找个老法子调理|TR02|TR01
TN04|C-T1|elderly_care|小时|10|2|||空巢的爷爷奶奶没人说话|子女在外地，几位长辈白天孤零零在家|TR03 TR64|TR04
TN05|C-T2|elderly_care|小时|8|2|||中风的大爷家里没人看|儿女都上班，半身不遂，一个人在家不放心|TR04|TR03
TN06|C-T4|elderly_care|小时|6|3|||八九十岁的长辈吃饭难|村改居后不会烧灶，午饭经常凑合|TR03 TR04|TR60 TR66
TN07|C-T1|child_education|小时|12|2|||孩子下课后没人管|家长六点才下班，孩子在小区乱跑|TR05|TR06 TR52
TN08|C-T2|child_education|小时|4|1|||新手爸妈不会带娃|一两岁的宝宝不知道怎么陪玩|TR06|TR05
TN09|C-T3|child_education|小时|6|2|||爷爷奶奶看不懂孙子的功课|爸妈在外打工，孩子成绩往下掉|TR05|TR33
TN10|C-T1|legal_advice|次|2|2|||老人想立遗嘱|想提前安排房产，怕子女以后闹矛盾|TR07 TR54|TR09
TN11|C-T4|legal_advice|次|3|3|||包工头不给结账|在工地干了半年，一分钱没拿到|TR08 TR07|TR69
TN12|C-T2|legal_advice|次|1|1||是|购房合同纠纷|开发商延期交房，业主想维权，电话咨询也行|TR07 TR54|TR09
TN13|C-T3|dispute_mediation|次|2|2|||楼上漏水到楼下两家吵架|卫生间漏水，两家吵了好几次|TR09 TR07|TR17
TN14|C-T1|dispute_mediation|次|1|2|||广场舞太吵|晚上音响开太大，住户和舞蹈队闹僵了|TR09 TR07|TR20
TN15|C-T2|psychological|次|2|2|||初三学生焦虑失眠|中考压力大睡不着，家长很着急|TR10 TR44|TR33
TN16|C-T4|psychological|次|1|3||是|妇女长期被丈夫打骂|情绪低落不愿出门，可以电话联系|TR10 TR31|TR09
TN17|C-T1|smartphone_training|场|1|1|||爷爷想在屏幕上看到孙女却不会弄|去医院只能到窗口排长队|TR74 TR11|
TN18|C-T4|smartphone_training|场|1|1|||买菜付不了钱|菜场都只收二维码，阿婆只带现金|TR37 TR11|
TN19|C-T2|community_education|场|1|2|||老人被推销骗钱买保健品|最近好几个老人上当，想请人讲讲怎么防骗|TR12 TR45 TR57|TR33
TN20|C-T3|venue|场地|1|2|120||全体党员开会坐不下|社区活动室只坐得下二十人，党员一百二十人|TR40|TR13 TR39
TN21|C-T1|venue|场地|1|1|||小伙子们想打球没地方|老小区没空地|TR14|TR13
TN22|C-T1|funds|元|8000|3||是|楼道没灯老人摔跤|老楼道没装灯，老人晚上上下楼摔过好几次，改造要八千|TR15|TR41
TN23|C-T4|funds|元|5000|2||是|加装电梯坏了维修缺钱|维修基金不够，还差五千||TR15 TR41
TN24|C-T2|materials|件|50|2|||困难户冬天太冷|几户低保老人被褥太薄，晚上冻得睡不着|TR16 TR62|
TN25|C-T1|property_management|次|3|3|||一楼污水反上来|1号楼厨房的水倒灌，居民自己掏不通|TR17|TR55
TN26|C-T4|property_management|次|2|2|||楼梯间黑了一个月|晚上黑漆漆的，老人不敢下楼|TR43|TR15
TN27|C-T2|environment|小时|20|1|||小区脏乱差|居民乱丢东西，桶边堆成山|TR18|TR55
TN28|C-T1|public_safety|小时|10|2|||电动车接连被偷|最近丢了三辆，居民晚上不放心|TR19|
TN29|C-T3|public_safety|场|1|2|||宿舍楼电线老化怕着火|真烧起来大家都不知道怎么办|TR32|TR28 TR43 TR57
TN30|C-T2|public_safety|场|1|1|||有人被困电梯吓坏了|想请人讲讲被困了怎么办|TR28|TR32
TN31|C-T1|culture_arts|场|2|1|||退休阿姨想学跳舞|十几位阿姨想组队，没人教|TR20|TR65
TN32|C-T3|culture_arts|场|1|1|||想练毛笔字|几位退休职工想学写字|TR20|TR49
TN33|C-T4|party_lecture|场|1|2|||支部学习没人讲|新村支部学习缺个主讲人|TR21 TR59|
TN34|C-T4|employment|人|5|2|||失地农民找不到活|征地后四十多岁的村民没手艺|TR22|TR68 TR38
TN35|C-T1|employment|人|3|2|||全职妈妈想重新上班|孩子上学了，想找份工作，不知道学什么|TR22|TR06
TN36|C-T2|housekeeping|小时|6|1|||老人屋里堆满杂物|年纪大了打扫不动|TR23 TR60|
TN37|C-T4|hairdressing|次|10|1|||卧床的大爷头发很长|出不了门|TR24 TR51|
TN38|C-T3|reading_room|场|1|1|||孩子周末只能玩手机|小区没有图书室|TR25|TR05
TN39|C-T4|sports_leisure|场|2|1|||村民想强身健体|村改居后大家缺锻炼，没人组织|TR26|TR58
TN40|C-T1|delivery|次|8|2|||腿脚不便买药难|常用药吃完了没人去买|TR27 TR50|TR02
TN41|C-T2|nursing|小时|4|3|||开完刀回家伤口怎么弄|出院后伤口要定期处理|TR29|TR70
TN42|C-T4|hardship_assistance|件|10|2|||十户低保家庭过年难|春节生活困难|TR30 TR73 TR47|
TN43|C-T3|tailoring|次|5|1|||衣服破了没地方补|附近的店都关了|TR34 TR72|
TN44|C-T2|community_education|场|1|1|||十几岁的孩子天天跟爸妈吵|家长想学怎么跟娃说话|TR33|TR31
TN45|C-T3|epidemic_prevention|小时|10|2|||老人不敢打针|怕打了有反应，要人讲讲|TR46|
TN46|C-T1|elderly_care|小时|4|2|||大爷中风出院没人照顾|家人都上班|TR04 TR29 TR03|
TN47|C-T4|home_medical|次|2|2|||好多老人血糖血压控制不好|想有人定期来看看|TR01 TR36|
TN48|C-T3|legal_advice|次|2|1|||临时工干活摔断腿老板不认账|赔偿不知道怎么要|TR08 TR07|
TN49|C-T5|home_medical|次|2|3|||远郊老人看病要走十里路|村里没卫生室，看病要坐车去镇上||
TN50|C-T5|child_education|小时|10|2|||远郊孩子放学没人看|父母外出打工||
TN51|C-T5|venue|场地|1|1|||村委会旧房子漏雨|远郊社区没有活动场所||
TN52|C-T1|micro_wish|件|1|1|||孤儿上网课没电脑|小明跟奶奶生活，想要一台学习电脑||TR61 TR42
TN53|C-T2|employment|人|2|1|||大学生想找暑期实习|想去互联网公司实习||TR22 TR68
TN54|C-T4|volunteering|小时|6|2|||聋哑居民看病没法沟通|两位聋哑居民去医院、办证件时没法交流|TR35|
TN55|C-T6|elderly_care|小时|6|2|||独居的奶奶没人照看|白天一个人在家|TR64|
TN56|C-T6|home_medical|次|2|2|||老人三高出门不方便|想定期有人来测一测|TR36 TR01|
TN57|C-T6|child_education|小时|8|2|20||工作日孩子放学后没人接|双职工家庭，周一到周五下午没人管||TR52
TN58|C-T6|dispute_mediation|次|2|2|||婆媳天天吵架|一家人闹得要分家|TR53 TR09|TR31
TN59|C-T6|environment|小时|10|1|||河边漂着塑料袋发臭|夏天味道很大|TR56|TR18
TN60|C-T6|hairdressing|次|6|1|||几位长辈头发长了|腿脚不好走不远|TR51 TR24|
TN61|C-T6|reading_room|场|1|1|||村民想看点书|附近没有图书室|TR67|TR25
TN62|C-T2|sports_leisure|场|1|1|60||锦绣业主乒乓球比赛|六十人参加的比赛，需要场地||TR58
TN63|C-T3|funds|元|3000|2||是|两个孩子上高中交不起学费|厂里两户职工家里揭不开锅|TR41 TR63|
TN64|C-T1|funds|元|5000|2||是|小区门口路面坑洼|下雨积水，想修一下路||TR15 TR63
TN65|C-T4|nursing|小时|6|3|||卧床老人晚上需要人陪|子女夜里照顾不过来，需要夜间陪护||TR48 TR29
TN66|C-T4|housekeeping|小时|4|1|||独居老人想有人帮做饭|老人手抖做不了饭|TR23|TR60
TN67|C-T3|delivery|次|6|2|||厂区长辈买菜难|腿脚不好，菜市场远|TR27|TR50
TN68|C-T2|psychological|次|3|2||是|退休后老人情绪低落|老伴走了以后整天不说话，可以先打电话聊聊|TR10 TR31|TR44
TN69|C-T3|public_safety|场|1|1|||老人接到骗子电话差点转账|想请人讲讲怎么识别|TR57|TR28
TN70|C-T2|venue|场地|1|2|10||楼组长开会缺地方|十来个楼组长每月碰个头|TR76 TR13|
TN71|C-T4|venue|场地|1|2|25||老年协会开会|二十五位会员聚一聚|TR39 TR40|
TN72|C-T1|smartphone_training|场|1|1||是|老人想学网上挂号|可以线上学，家里有平板|TR11 TR74|
TN73|C-T2|nursing|小时|2|1||是|家属想学怎么照顾瘫痪老人|想学翻身拍背，线上教也行|TR70 TR29|
TN74|C-T3|micro_wish|件|5|1|||娃开学缺东西|几户职工家里紧巴巴，娃的旧包破了|TR42 TR61|
TN75|C-T5|legal_advice|次|1|2||是|远郊村民土地承包纠纷|可以电话咨询|TR54|
TN76|C-T5|psychological|次|1|2|||远郊留守老人想有人聊天|需要有人上门||TR31 TR10
TN77|C-T3|property_management|次|2|2|||老厂宿舍线路老化跳闸|经常停电|TR17|TR43
TN78|C-T2|property_management|次|1|2|||电梯经常坏|小区电梯老是停||TR71 TR17
TN79|C-T1|materials|件|1|2|||需要一台轮椅|老人摔伤后出门要轮椅||TR16 TR62
TN80|C-T4|employment|人|3|2|||残疾人想在家做手工挣钱|几位残疾人出不了门||TR22 TR38
TN81|C-T3|child_education|小时|4|2|||孩子自闭症需要康复训练|要专业的康复老师||TR05
TN82|C-T6|legal_advice|次|1|1|||老人要办公证|房产过户需要公证||TR07 TR54
"""

_RESOURCES_E = """
ER01|U-SQWS|home_medical|次|10|0.5,0.5|3|onsite||||社区卫生服务中心家医团队|签约家庭医生上门随访，量血压测血糖，开长处方
ER02|U-KFYY|nursing|小时|12|1.0,1.2|3|onsite||||康复医院护士上门|压疮护理、导尿管更换、术后换药和康复训练
ER03|U-YLY|elderly_care|小时|30|1.6,0.6|2|at_unit||||滨江颐养中心日托|半失能老人日间照料，有午餐和康复操
ER04|U-SGZ|elderly_care|小时|40|0.1,0.2|3|onsite||volunteering||桂花助老队|社工和志愿者上门陪聊、读报、代买东西
ER05|U-XXX|child_education|小时|20|0.6,0.3|2|at_unit||||桂花小学课后服务|放学后托管到六点，老师辅导作业
ER06|U-FYJY|child_education|小时|8|1.9,0.5|2|at_unit|||只在周末|妇幼保健院早教课|只在周末上课，教家长带零到三岁宝宝
ER07|U-LSS|legal_advice|次|10|1.0,0.8|3|onsite||dispute_mediation||律所公益法律服务|律师驻社区，婚姻继承、租房合同、劳动纠纷都可以问
ER08|U-LDJC|legal_advice|次|6|2.0,2.0|3|onsite|||仅限劳动争议|劳动监察中队进社区|仅限劳动争议：欠薪、未签合同、工伤
ER09|U-TJW|dispute_mediation|次|8|0.3,1.0|3|onsite||||和事佬调解工作室|退休法官调解邻里纠纷、家庭矛盾
ER10|U-XLZX|psychological|次|6|1.2,0.6|3|online||||心理援助热线|二十四小时电话心理援助
ER11|U-XLY|psychological|次|4|0.6,1.8|2|onsite||||钢厂职工心理驿站|心理咨询师每周两次进社区面谈
ER12|U-LT|smartphone_training|场|4|1.8,2.2|3|onsite||||联通营业厅手机课|营业员进社区教老人用健康码、打车、视频
ER13|U-YHE|community_education|场|3|2.0,0.5|3|onsite||public_safety||银行反诈讲堂|讲养老骗局、非法集资、电信诈骗
ER14|U-JD|venue|场地|2|0.3,0.4|2|at_unit|150||只在工作日|酒店多功能厅|可坐一百五十人，工作日白天免费借用
ER15|U-QT|venue|场地|2|2.1,2.3|2|at_unit|40|||城中村祠堂|能坐四十来人
ER16|U-CSH|funds|元|30000|1.0,1.0|3|online|||只用于困难家庭医疗救助|慈善会医疗救助金|只用于困难家庭医疗救助，大病自付部分
ER17|U-SYQ|funds|元|20000|1.8,0.3|3|online|||限本单位双报到社区|商业银行党建共建经费|用于双报到社区的微更新项目
ER18|U-WZ|materials|件|100|0.8,0.8|3|onsite||micro_wish||物资公司捐赠|电风扇、取暖器、米面油，可认领微心愿
ER19|U-WYG|property_management|次|12|1.9,0.4|2|onsite||||滨江物业党员维修队|修水管、换灯泡、疏通马桶
ER20|U-CG|environment|小时|30|2.3,2.3|2|onsite||||城管志愿者|清理乱堆乱放、整治小广告
ER21|U-PCS|public_safety|小时|20|0.9,1.5|3|onsite||||派出所警民联防队|夜间巡逻，防盗防骗
ER22|U-WHZ|culture_arts|场|5|0.2,0.9|3|onsite||||文化站文艺辅导|教越剧、葫芦丝、合唱
ER23|U-DXJ|party_lecture|场|3|1.1,1.1|5|onsite||||区委党校讲师团|上门宣讲二十大精神、讲党课
ER24|U-JYZ|employment|人|15|1.5,1.5|3|onsite||||就业服务站|开展电工、焊工、保育员培训并推荐上岗
ER25|U-JZGS|housekeeping|小时|15|0.4,0.6|3|onsite||||巾帼家政|保洁、做饭、照顾老人起居，按钟点
ER26|U-LF|hairdressing|次|15|0.8,0.2|3|onsite||||理发志愿者|每月第二个周六上门给老人理发
ER27|U-SJ|reading_room|场|3|2.2,2.4|2|at_unit||||城中村共享书屋|借阅图书、少儿读书会
ER28|U-TYH|sports_leisure|场|5|1.7,0.4|3|onsite||||健身气功协会|教八段锦、五禽戏、太极拳
ER29|U-WL2|delivery|次|20|0.0,1.5|3|onsite||||快递驿站爱心跑腿|快递小哥顺路帮老人取快递、买菜送菜
ER30|U-MZJ|hardship_assistance|件|25|0.5,1.9|3|onsite||||民政帮困物资|给低保、低边、残疾家庭送米油和慰问金
ER31|U-XF2|public_safety|场|3|2.0,1.0|3|onsite||||消防站宣传队|讲家庭防火、电动车进楼的危害，演示灭火器
ER32|U-CFD|tailoring|次|10|0.2,1.9|2|onsite||||钢厂缝补摊|老师傅缝衣服、修拉链、补鞋
ER33|U-JKJ|epidemic_prevention|小时|15|0.5,0.5|3|onsite||||疾控健康宣讲员|讲流感、诺如病毒预防和打疫苗的好处
ER34|U-DXW|smartphone_training|场|5|1.0,0.5|3|online||||电信线上手机课|直播教微信、支付宝、医保电子凭证
ER35|U-HLZ|nursing|小时|10|-1.3,1.0|2|at_unit|||不提供上门|南湖护理站|站内康复理疗，不提供上门
ER36|U-NHYS|home_medical|次|6|-1.5,1.1|2|onsite||||南湖村卫生室|村医上门看小毛病、量血压
ER37|U-ZS|psychological|次|5|1.8,0.3|3|onsite|||仅限青少年|滨江中学心理老师|学校心理老师进社区，仅限青少年
ER38|U-YJ|volunteering|小时|10|1.0,1.0|3|onsite||||助残志愿者|陪残疾人出行、就医，推轮椅
ER39|U-NH|culture_arts|场|3|-1.4,0.9|2|onsite||||南湖广场舞队|带大家跳广场舞、排节目
ER40|U-BJ|legal_advice|次|6|1.8,0.5|2|online||||公证处线上咨询|公证员视频解答遗嘱、房产公证怎么办
ER41|U-GC|venue|场地|1|0.4,2.1|2|at_unit|300|||钢厂工人俱乐部|大礼堂三百座，需提前一周预约
ER42|U-GZ|funds|元|10000|0.4,2.0|3|online|||专项用于老旧小区适老化改造|钢厂工会适老化基金|专项用于老旧小区适老化改造：扶手、坡道
ER43|U-KC|materials|件|20|-1.2,1.2|2|onsite||||南湖超市爱心捐赠|捐赠米面油和生活用品
ER44|U-DYS|property_management|次|6|0.5,2.0|2|onsite|||不含电梯维修|钢厂物业维修|修水电、门窗，不含电梯维修
ER45|U-TZ|elderly_care|小时|20|2.2,2.3|2|onsite||||城中村老年食堂|给七十岁以上老人送午饭
ER46|U-JT2|employment|人|6|-1.5,1.0|2|onsite||||南湖农业合作社|招采摘工、包装工，日结工资
ER47|U-DHX|child_education|小时|10|2.2,2.4|2|at_unit||||城中村四点半学堂|大学生志愿者陪孩子写作业
ER48|U-QN|community_education|场|2|1.6,0.5|3|onsite||||青少年宫家长课堂|讲亲子沟通、青春期叛逆
ER49|U-BXGS|community_education|场|2|0.1,0.1|2|onsite|||仅限本单位职工|保险公司内部讲座|健康保险知识，仅限本单位职工
ER50|U-DL2|property_management|次|5|2.1,2.2|2|onsite|||限本单位双报到社区|电力抢修党员队|免费检查老化电线、更换插座
ER51|U-HW|environment|小时|15|0.2,0.2|2|onsite||||环卫所清运|大件垃圾清运、楼道杂物清理
ER52|U-TX2|sports_leisure|场|3|-1.3,1.0|2|at_unit|20|||南湖健身房|小型健身房，最多二十人
ER53|U-YS|hairdressing|次|5|-1.4,1.0|2|onsite||||南湖义剪|美发学校学员上门剪发
ER54|U-SFJ|dispute_mediation|次|5|-1.3,1.1|2|onsite||||南湖村调委会|调解土地、宅基地和邻里纠纷
ER55|U-ZZ|delivery|次|10|-1.2,1.0|2|onsite|||只送药品|南湖药房送药|只送药品，免费上门
ER56|U-XQ|micro_wish|件|8|1.0,1.0|3|online||||共青团微心愿|团员认领孩子的心愿，三百元以内的学习用品、玩具
ER57|U-FL2|dispute_mediation|次|6|1.5,1.5|3|online||psychological||妇联婚姻家庭热线|电话调解夫妻矛盾、婆媳关系，也做情绪疏导
ER58|U-GSJ|community_education|场|3|0.6,2.0|2|onsite||||钢厂老年大学|开设养生、摄影、电脑入门课
ER59|U-RL2|employment|人|10|1.8,0.4|3|online||||直播带岗|线上推荐服务员、快递员、保安岗位
ER60|U-DZB|party_lecture|场|2|0.4,2.0|2|onsite||||钢厂老党员宣讲团|老劳模讲厂史、讲奋斗故事
ER61|U-GQ2|venue|场地|3|1.8,0.4|2|at_unit|60||只在周末|滨江写字楼会议室|周末开放，能坐六十人
ER62|U-HJY|home_medical|次|4|2.1,2.2|2|onsite|||只看中医|城中村中医馆义诊|只看中医：针灸推拿拔罐
ER63|U-SH|hardship_assistance|件|10|-1.4,1.0|2|onsite||||南湖乡贤帮扶|乡贤给困难户送年货
ER64|U-GZ2|tailoring|次|6|1.7,0.3|2|at_unit||||滨江改衣店|店里改衣服、缝补，自己拿去
ER65|U-AQ|public_safety|场|2|1.9,0.2|3|onsite||||燃气公司安全讲座|讲燃气泄漏怎么办、入户检查燃气灶
ER66|U-BZ|housekeeping|小时|8|2.2,2.5|2|onsite|||不含做饭|城中村保洁队|上门打扫卫生、擦窗，不含做饭
ER67|U-XY|home_medical|次|8|1.8,0.2|3|onsite||||滨江社区医院巡诊|医生护士每周上门巡诊
ER68|U-SYK|smartphone_training|场|2|-1.5,1.1|2|onsite||||南湖青年教手机|返乡青年教老人用手机
ER69|U-JZ3|elderly_care|小时|10|0.8,1.8|2|online||||线上陪聊热线|志愿者每天打电话问候独居老人
ER70|U-TJJ|public_safety|小时|10|2.2,2.4|2|onsite||||城中村治安巡逻|出租房消防和治安巡查
ER71|U-SG3|reading_room|场|3|0.4,0.4|2|at_unit||party_lecture||桂花党建书屋|党员读书会、红色电影放映
ER72|U-YX|culture_arts|场|2|1.0,0.8|3|online||||线上书法课|书法老师线上直播教楷书
ER73|U-ML|venue|场地|1|-1.4,1.0|2|at_unit|15|||南湖村委会议室|小会议室坐十五人
ER74|U-CYG|nursing|小时|6|0.2,0.2|2|onsite|||不提供夜间陪护|桂花护工队|白天上门照护失能老人，不提供夜间陪护
ER75|U-JY2|legal_advice|次|4|2.1,2.3|2|onsite||||城中村普法志愿者|讲租房合同、防传销
ER76|U-SS|micro_wish|件|5|0.3,1.9|2|onsite||||钢厂工会送温暖|职工认领困难家庭老人的心愿，如保暖内衣、电热毯
"""

_NEEDS_E = """
EN01|C-E1|home_medical|次|2|3|||八十多岁老两口都有慢病|一个糖尿病一个心脏不好，儿子在外地，想隔段时间有人来看看|ER01 ER67|ER62
EN02|C-E2|home_medical|次|1|2|||腿脚不方便出不了门|张大爷膝关节不好，看病难|ER67 ER01|
EN03|C-E4|home_medical|次|2|2|||老胃病想看中医|几位老人想找中医调理脾胃|ER62|ER01
EN04|C-E1|nursing|小时|4|3|||出院后插着管子|家里人不会弄，要定期换|ER02|ER74
EN05|C-E2|elderly_care|小时|8|2|||老伴走后大爷一个人在家|没人看着怕出事，想有地方白天待着|ER03|ER04
EN06|C-E1|elderly_care|小时|6|2|||一个人住的奶奶很孤单|每周来两次说说话就行|ER04 ER69|ER03
EN07|C-E1|child_education|小时|10|2|||孩纸下午没人接|爸妈都上班，四点以后没人管|ER05|ER06
EN08|C-E2|child_education|小时|4|1|||娃一岁半还不会叫人|爸妈着急，不知道在家怎么教|ER06|ER48
EN09|C-E4|child_education|小时|8|2|||外来务工子女功课没人管|父母在厂里三班倒|ER47|ER27
EN10|C-E1|legal_advice|次|1|2|||房东扣着押金不给|搬走的时候房东说墙脏了|ER07|ER09
EN11|C-E3|legal_advice|次|3|3|||厂里欠了三个月工资|十几个工人的工资老板一直拖着|ER08 ER07|ER30
EN12|C-E2|legal_advice|次|1|1||是|老人想做遗嘱公证|想把房子留给小女儿，可以视频咨询|ER40 ER07|ER08
EN13|C-E1|dispute_mediation|次|2|2|||邻居在楼道堆杂物吵起来|两户为了楼道堆东西差点打起来|ER09 ER07|ER51
EN14|C-E3|dispute_mediation|次|1|2|||婆媳矛盾|儿媳和婆婆天天吵，儿子夹在中间|ER09 ER07 ER57|ER11
EN15|C-E2|psychological|次|2|2|||高三孩子压力大不吃饭|家长担心孩子抑郁|ER37 ER10|ER48
EN16|C-E3|psychological|次|2|2|||下岗的师傅整天喝闷酒|四五十岁，下岗后很消沉|ER11|ER37
EN17|C-E4|smartphone_training|场|1|1|||出门看病总被拦|手机上的码调不出来|ER12|ER34
EN18|C-E1|smartphone_training|场|1|1||是|想学用医保电子凭证|线上学也可以|ER34 ER12|
EN19|C-E2|community_education|场|1|2|||好几个老人买理财被骗|钱追不回来，怕还有人上当|ER13|ER49
EN20|C-E3|venue|场地|1|2|||职代会要开会|退休职工联谊会二百多人，得找个大地方|ER41|ER14
EN21|C-E4|venue|场地|1|1|30||租户想搞个联欢|三十个人左右|ER15 ER41|
EN22|C-E1|funds|元|6000|2||是|楼道要装扶手|老人上下楼没扶手，安装要六千|ER42|ER17 ER16
EN23|C-E2|funds|元|8000|2||是|小区休闲广场翻新缺钱|想换一批健身器材|ER17|ER16 ER42
EN24|C-E3|funds|元|10000|3||是|职工家属得了白血病|家里困难，医药费付不起|ER16|ER42
EN25|C-E4|funds|元|3000|1||是|城中村想搞个文艺演出|需要音响和服装的钱||ER17 ER16 ER42
EN26|C-E1|materials|件|10|2|||夏天老人家里没电扇|几户独居老人热得睡不着|ER18|ER43
EN27|C-E2|property_management|次|2|3|||马桶堵了|楼下老人家马桶堵死了|ER19|
EN28|C-E3|property_management|次|1|2|||单元门坏了关不上|宿舍单元门锁坏了|ER44|ER50
EN29|C-E3|property_management|次|1|2|||电梯天天坏|八层老楼加装的电梯老是停||ER44 ER19
EN30|C-E4|property_management|次|3|3|||出租屋电线乱拉|好几栋房子线路老旧，怕着火|ER50|
EN31|C-E4|environment|小时|10|2|||墙上贴满牛皮癣|城中村到处是|ER20|ER51
EN32|C-E1|environment|小时|6|1|||楼下堆了旧沙发旧床垫|没人拉走|ER51|ER20
EN33|C-E3|public_safety|小时|10|2|||晚上有陌生人翻墙|钢厂宿舍围墙矮|ER21|
EN34|C-E4|public_safety|场|1|2|||电瓶车在楼道充电|租户把车推进楼道里充电，很危险|ER31|ER65
EN35|C-E2|public_safety|场|1|2|||闻到煤气味不知道咋办|厨房老是有股味|ER65|ER31
EN36|C-E1|culture_arts|场|2|1|||阿姨们想学唱越剧|十来个退休阿姨|ER22|ER39
EN37|C-E6|culture_arts|场|1|1|||大妈们想跳舞|村里有个小空地|ER39|ER22
EN38|C-E3|party_lecture|场|1|2|||主题党日缺主讲|支部想请人讲讲会议要求|ER23 ER60|
EN39|C-E4|employment|人|4|2|||租户想学门手艺|几个年轻人想学电焊|ER24|ER59
EN40|C-E6|employment|人|5|2|||村里妇女农闲想打零工|想就近挣点钱|ER46|ER59
EN41|C-E1|housekeeping|小时|6|1|||老太太家里乱糟糟|腰不好弯不下去|ER25|ER66
EN42|C-E4|housekeeping|小时|4|2|||独居老人要人做饭|手抖切不了菜|ER25|ER66
EN43|C-E2|hairdressing|次|6|1|||瘫痪的大爷头发长了|出不了门|ER26|
EN44|C-E4|reading_room|场|1|1|||孩子们想看课外书|附近没地方借|ER27|ER47
EN45|C-E2|sports_leisure|场|2|1|||想学八段锦|滨江几位老人想锻炼身体|ER28|ER52
EN46|C-E1|delivery|次|6|2|||包裹放在门口小站拿不回来|大爷腰不好拎不动|ER29|ER55
EN47|C-E6|delivery|次|4|2|||村里老人缺药|降压药吃完了，镇上药店远|ER55|
EN48|C-E3|hardship_assistance|件|10|2|||残疾人家庭过冬难|五户残疾家庭|ER30 ER76|
EN49|C-E3|tailoring|次|4|1|||鞋子开胶了|想找人粘一粘|ER32|ER64
EN50|C-E1|epidemic_prevention|小时|6|2|||天冷了老人不肯打针|怕打了生病|ER33|
EN51|C-E6|nursing|小时|6|2|||偏瘫的大爷想恢复走路|想找地方练一练|ER35 ER02|
EN52|C-E6|home_medical|次|2|2|||村里老人感冒发烧|走不动去镇上|ER36|ER62
EN53|C-E2|psychological|次|1|3||是|孩子沉迷游戏不上学|初二男生，天天在家不出门|ER37 ER10|ER48
EN54|C-E3|volunteering|小时|4|2|||腿脚残疾的居民想出门|想去公园转转，没人推|ER38|ER04
EN55|C-E1|legal_advice|次|1|1||是|房子过户要公证|网上问问需要什么材料|ER40 ER07|
EN56|C-E3|venue|场地|1|1|50||合唱团排练|五十多个人要排练场地|ER41|
EN57|C-E2|venue|场地|1|2|||党员冬训|周三下午全体党员学习，八十人|ER14|ER61
EN58|C-E1|venue|场地|1|1|20||周末读书会|二十人，周六上午||ER14
EN59|C-E6|venue|场地|1|1|12||村民小组开会|十二个组长|ER73|
EN60|C-E5|home_medical|次|2|3|||山里老人看病难|村子离镇上三十公里||
EN61|C-E5|elderly_care|小时|6|2|||山里空巢老人|没人照看||ER69
EN62|C-E5|child_education|小时|8|2|||山里孩子放学没人管|留守儿童多||
EN63|C-E2|micro_wish|件|3|1|||孩子想要一把吉他|困难家庭孩子喜欢音乐，吉他八百多||ER56 ER18
EN64|C-E3|micro_wish|件|2|1|||两位独居的长辈冬天晚上睡不暖|想要个暖被窝的东西|ER76 ER18|
EN65|C-E4|nursing|小时|8|3|||瘫痪老人夜里要人照看|家属白天上班晚上也累垮了，需要夜间陪护||ER02 ER74
EN66|C-E1|volunteering|小时|2|1|||盲人想知道新闻|视力不好看不了报纸|ER04|
EN67|C-E2|employment|人|2|1|||研究生想找实习单位|学金融的||ER59 ER24
EN68|C-E4|employment|人|3|2||是|租户想找份看门的活|可以线上面试|ER59 ER24|
EN69|C-E1|community_education|场|1|1|||爸妈管不住初中的娃|天天顶嘴摔门|ER48|ER37
EN70|C-E3|community_education|场|1|1|||退休职工想学拍照|想把花花草草拍好看|ER58|ER12
EN71|C-E1|public_safety|场|1|2|||老人总接到骗子电话|想请人来讲讲|ER13|ER49
EN72|C-E2|property_management|次|1|2|||水龙头漏水|厨房水龙头关不紧|ER19|
EN73|C-E6|dispute_mediation|次|1|2|||两家为了院墙边界吵翻了|邻居之间好几年的疙瘩|ER54 ER09|
EN74|C-E6|hardship_assistance|件|5|2|||五保户过年|家里什么都缺|ER63 ER43|
EN75|C-E3|smartphone_training|场|1|1||是|老师傅想跟外地孙子见面聊|可以线上学|ER34 ER12|
EN76|C-E6|sports_leisure|场|1|1|30||南湖村民想办健身活动|三十来人一起跳健身操||ER52
EN77|C-E4|reading_room|场|1|1|||党员想读党史书|支部没书|ER27|ER71
EN78|C-E2|tailoring|次|3|1|||裤子要改短|几位居民|ER64|
EN79|C-E3|funds|元|5000|2||是|老楼想装楼梯扶手|宿舍老人多|ER42|ER16
EN80|C-E2|community_education|场|1|1|60||想办健康保险讲座|小区居民想了解医疗保险||ER49 ER13
EN81|C-E6|legal_advice|次|1|2|||土地流转的纸看不懂|村民怕签了吃亏|ER07|ER54
EN82|C-E1|home_medical|次|1|1|||想做针灸|颈椎病犯了||ER01 ER67
EN83|C-E4|volunteering|小时|4|2|||聋哑人去医院没人翻译|城中村两位聋哑人||ER38
EN84|C-E2|child_education|小时|10|2|||两岁宝宝工作日没人带|周一到周五白天需要托管||ER06 ER05
EN85|C-E3|materials|件|1|2|||需要一张护理床|瘫痪老人家里要护理床||ER18
"""

_RESOURCES_T2 = """
VR01|U-VRM|home_medical|次|6|0.5,0.5|3|onsite||||社区卫生院家庭医生|家庭医生每周二、四上门出诊，为签约的慢病老人调药、量血压
VR02|U-VKQ|home_medical|次|4|1.0,0.8|3|onsite|||仅限口腔检查|口腔医院义诊|牙医进社区免费查牙、讲刷牙，仅限口腔检查，不拔牙不镶牙
VR03|U-VYL|elderly_care|小时|30|0.3,0.4|3|onsite||||银发互助社|低龄老人结对高龄老人，每天敲门问一声，陪着晒太阳唠嗑
VR04|U-VHL|nursing|小时|12|1.1,1.0|3|onsite||||护理院护工上门|持证护工上门帮卧床老人擦身、翻身、喂饭，可以排夜班
VR05|U-VJY|child_education|小时|20|0.8,1.5|3|at_unit|||只接小学生|纺织厂子弟小学课后服务|学校放学后留校写作业，老师值守到六点，只接本校和附近小学生
VR06|U-VYZ|child_education|小时|8|-1.5,0.9|2|onsite||||新苑绘本妈妈|全职妈妈志愿者给三到六岁小朋友讲故事、做手工
VR07|U-VLS|legal_advice|次|10|1.0,0.0|3|onsite||||律所公益法律服务|律师每月两次到社区坐诊，劳动争议、离婚、赡养、借款都可以问
VR08|U-VZC|dispute_mediation|次|6|0.2,2.0|3|onsite||||菜场街巷调解队|退休民警和网格员上门调解邻里矛盾、摊位纠纷
VR09|U-VTW|psychological|次|20|1.5,1.5|3|online|||仅限青少年及家长|青少年心理热线|团委心理老师电话接听青少年和家长的倾诉，不上门
VR10|U-VSJ|smartphone_training|场|4|0.1,0.0|2|onsite||||银行网点数字助老课|大堂经理手把手教老人用手机银行、刷医保码
VR11|U-VFJ|community_education|场|3|1.8,0.5|3|onsite||||营养师健康厨房|营养师讲老人、孩子怎么吃得健康，现场教做菜
VR12|U-VWH|venue|场地|2|1.3,1.1|2|at_unit|150||只在工作日白天|纺织厂职工俱乐部|老厂俱乐部大厅能坐一百五十人，只在工作日白天借
VR13|U-VCF|venue|场地|3|2.1,-0.4|2|at_unit|20|||江湾茶室包间|茶室二楼包间可坐二十人，可借社区开小会
VR14|U-VTY|sports_leisure|场|4|0.4,0.3|2|at_unit|16|||羽毛球馆公益时段|体育公司羽毛球馆每周三上午免费，四片场地
VR15|U-VCS|funds|元|30000|1.0,1.0|3|online|||只用于独居老人安装烟感和燃气报警器|商会平安基金|商会出资三万元，只用于独居老人家里安装烟感和燃气报警器
VR16|U-VJJ|funds|元|20000|0.5,0.5|3|online||||慈善会救急难资金|困难群众遭遇突发变故（大病、火灾、车祸）可申请临时救助
VR17|U-VWZ|materials|件|100|0.9,0.2|3|onsite|||只捐儿童衣物|母婴店闲置童装|收集整理的八成新童装、童鞋，只捐儿童衣物
VR18|U-VKJ|property_management|次|8|1.2,1.0|2|onsite|||只修门锁和门窗|开锁修窗师傅|锁匠上门换锁芯、修纱窗和窗户合页，只修门锁和门窗
VR19|U-VGJ|property_management|次|10|0.1,2.1|3|onsite||||菜场片区管道疏通队|市政公司上门疏通化粪池、下水道，清理窨井
VR20|U-VHW|environment|小时|30|2.0,-0.3|3|onsite||||江湾护河队|志愿者每周捞河面垃圾，巡查偷排污水
VR21|U-VXF|public_safety|场|3|1.0,1.2|3|onsite||||消防站开放日进社区|消防员讲家里用电用气安全，演示灭火毯、逃生面罩
VR22|U-VJC|public_safety|小时|20|0.6,2.0|2|onsite||||交警护学岗|交警和家长志愿者上下学时段在路口护送学生
VR23|U-VXJ|culture_arts|场|4|1.4,0.9|3|onsite||||纺织厂老工人合唱团指导|合唱团指挥每周排练时教发声、识谱
VR24|U-VXQ|culture_arts|场|3|-1.6,0.6|2|onsite||||新苑戏曲票友社|票友教京剧、越剧唱段
VR25|U-VJY2|employment|人|15|0.8,0.8|3|onsite||||家门口就业服务站|登记求职意向，推荐附近工厂、超市、物业的岗位，免费开证明
VR26|U-VDS|employment|人|10|1.0,1.0|3|online|||仅限高校毕业生|电商直播创业训练营|线上教开网店、直播带货，仅限高校毕业生
VR27|U-VJZ|housekeeping|小时|15|0.4,0.6|3|onsite||||巾帼家政队|下岗姐妹组成的家政队，上门收拾屋子、洗被褥、做饭
VR28|U-VLF|hairdressing|次|12|1.1,0.9|3|onsite||||职校美发班上门义剪|美发专业师生每月进社区剪发，可以上门
VR29|U-VYD|delivery|次|20|0.2,2.2|2|onsite||||菜场助老送菜|摊主拼单，每天上午把菜送到独居老人家门口
VR30|U-VHS|community_education|场|3|1.5,0.0|3|onsite||||红十字急救培训|红十字会教心肺复苏、海姆立克急救法
VR31|U-VMZ|hardship_assistance|件|20|0.0,0.3|3|onsite|||仅限残疾人家庭|残联助残包|每季度给持证残疾人家庭送米油和护理垫，仅限残疾人家庭
VR32|U-VDX|party_lecture|场|3|1.2,1.2|3|onsite||||纺织厂退休党支部讲厂史|老书记讲纺织厂的创业故事和党史
VR33|U-VTS|reading_room|场|3|2.2,-0.6|2|at_unit||||江湾职工书屋|书屋有三千册书，周末开放，可以组织读书会
VR34|U-VYY|epidemic_prevention|小时|10|0.5,0.5|3|onsite||||卫生院上门接种宣传|护士入户讲解老人肺炎、流感疫苗，登记预约
VR35|U-VZW|micro_wish|件|15|1.0,1.0|3|online||||职工认领微心愿|机关职工在线认领孩子的小心愿，每个一百五十元以内
VR36|U-VGS|tailoring|次|10|0.3,2.1|2|onsite||||菜场修鞋缝补摊|老师傅修鞋、配钥匙、缝衣服、换拉链
VR37|U-VSG|psychological|次|6|0.8,0.9|3|onsite||||社工心理小站|社工一对一陪伴丧偶、失独老人走出悲伤
VR38|U-VAJ|elderly_care|小时|20|-1.7,0.9|2|at_unit|||不接失能老人|新苑长者饭堂|六十岁以上老人中午来堂食，一餐八元，不接失能老人
VR39|U-VFL|legal_advice|次|6|0.6,0.6|3|online|||只接妇女儿童权益案件|妇联维权热线|律师志愿者电话解答家暴、抚养、离婚中妇女儿童权益问题
VR40|U-VDQ|property_management|次|6|1.2,1.1|2|onsite|||限本单位双报到社区|电力公司党员服务队|免费查修老化电线、插座，只服务本单位双报到社区
VR41|U-VHJ|environment|小时|15|-1.5,0.7|2|onsite||||新苑园艺社|园艺志愿者教居民在楼顶、空地种花种菜，修剪绿篱
VR42|U-VZX|venue|场地|1|0.5,2.3|2|at_unit|60|||菜场社区大学堂|菜场楼上的多功能厅，可坐六十人，晚上也开
"""

_NEEDS_T2 = """
VN01|C-V1|home_medical|次|2|2|||老两口都有慢性病药己经快吃完了|儿子在外地，两个人走路都要扶墙|VR01|VR02
VN02|C-V2|home_medical|次|1|2|||奶奶满口牙掉光了吃不了东西|想配一副假牙||VR02
VN03|C-V1|elderly_care|小时|10|2|||楼里几个孤老一天到晚没人搭理|子女多年不来，怕哪天倒在家里都没人知道|VR03|VR38
VN04|C-V2|nursing|小时|8|3|||老伴瘫在床上我一个人翻不动他|我自己也七十多了，夜里还要起来好几次|VR04|VR27 VR03
VN05|C-V6|elderly_care|小时|6|2|||长辈中午饭没着落|子女上班，自己不开火|VR38 VR27|VR29
VN06|C-V6|elderly_care|小时|4|2|||失能的爷爷白天没人管|儿媳要上班，爷爷坐轮椅，吃饭要人喂|VR04|VR38 VR03
VN07|C-V2|child_education|小时|15|2|||双职工家的娃放了学满街跑|厂里年轻职工多，下午三点半娃就出校门了|VR05|VR06 VR22
VN08|C-V6|child_education|小时|6|1|||四五岁的小家伙周末在家闹腾|奶奶带不住，想找点事给他们做|VR06|VR05
VN09|C-V4|child_education|小时|3|2|||初二孩子数学跟不上|想找人补补课，家里请不起家教||VR05
VN10|C-V3|legal_advice|次|2|2|||儿子不给老人生活费|老人八十了，三个儿子互相推|VR07|VR08 VR39
VN11|C-V1|legal_advice|次|1|2||是|被网贷公司天天打电话催|借了几千块滚成好几万，打电话问问就行|VR07|VR39
VN12|C-V2|legal_advice|次|1|3||是|前夫抢走孩子不让我见|离婚时孩子判给我，他把孩子藏起来了，打电话也行|VR39 VR07|
VN13|C-V4|dispute_mediation|次|2|2|||两个摊主为一块地方天天吵|都说是自己的，差点动手|VR08|VR19
VN14|C-V1|dispute_mediation|次|1|2|||楼下烧烤烟往上窜|二楼住户和一楼店家闹翻了|VR08 VR07|
VN15|C-V6|psychological|次|1|3|||独生女车祸走了老两口整天哭|半年了还走不出来|VR37|VR09
VN16|C-V2|psychological|次|2|2||是|高三学生压力大想不开|家长发现孩子在写遗书，电话也可以|VR09|VR37
VN17|C-V1|smartphone_training|场|1|1|||老人看病扫不了码|医院要先扫码建档，爷爷只会接电话|VR10|
VN18|C-V5|smartphone_training|场|1|1|||海岛上的老人想跟孙子视频|岛上年轻人都出去了||VR10
VN19|C-V4|community_education|场|1|1|||孩子挑食老人只会做咸菜|想学学一日三餐怎么搭配|VR11|
VN20|C-V2|venue|场地|1|2|120||厂里退休职工团拜会缺地方|一百二十来号人，定在腊月的一个周六||VR12 VR42
VN21|C-V3|venue|场地|1|1|15||楼长们每月碰头|十五个人左右，工作日晚上|VR13|VR12
VN22|C-V1|sports_leisure|场|1|1|||退休的叔叔阿姨想活动活动筋骨|平时白天有空，想找个地方挥挥拍子|VR14|
VN23|C-V3|funds|元|6000|2||是|独居老人家里煤气泄漏过两次|想给十户独居老人装报警器|VR15|VR16
VN24|C-V1|funds|元|10000|2||是|小区健身器材锈坏了|想换几件新的||VR15 VR16
VN25|C-V2|funds|元|5000|3||是|职工家里着火烧光了|一家四口暂住亲戚家|VR16|VR15
VN26|C-V4|materials|件|20|2|||外来务工家庭孩子冬天没厚衣服|菜场摊主家的孩纸穿得单薄|VR17|
VN27|C-V6|materials|件|5|2|||老人冬天被子太薄|几户老人还盖着十几年的旧棉絮||VR17
VN28|C-V1|property_management|次|2|2|||大门锁坏了关不上|老人晚上不敢睡|VR18|VR40
VN29|C-V4|property_management|次|2|3|||化粪池冒了满地都是|一楼住户门口臭得进不去|VR19|VR20
VN30|C-V2|property_management|次|3|2|||老厂宿舍插座冒火花|电线都是八十年代拉的|VR40|VR18 VR21
VN31|C-V3|property_management|次|2|2|||宿舍电线老化经常跳闸|江湾老楼的线路几十年没换||VR40 VR18
VN32|C-V3|environment|小时|10|1|||河里飘着泡沫和死鱼|有人往河里排脏水|VR20|VR41
VN33|C-V6|environment|小时|6|1|||楼顶空着想种点菜|居民想一起搞个屋顶菜园，不会弄|VR41|
VN34|C-V4|public_safety|小时|6|3|||上学路口车多孩子过马路危险|早上菜场进货的车多|VR22|
VN35|C-V1|public_safety|场|1|2|||冬天有人在家烧炭取暖|怕出事，想请人来讲讲|VR21|VR30
VN36|C-V2|culture_arts|场|2|1|||退休工友想组个合唱队|唱了几十年厂歌，没人指挥|VR23|VR24
VN37|C-V6|culture_arts|场|1|1|||几位老戏迷想学唱|喜欢京剧，没人教|VR24|VR23
VN38|C-V5|culture_arts|场|1|1|||海岛渔民想学唱渔歌|老渔歌快失传了||VR23
VN39|C-V4|employment|人|4|2|||几个大姐想找活干|孩子大了，想就近找份工|VR25|VR26
VN40|C-V2|employment|人|2|2|||四十多岁下岗想开网店|不会弄，想学||VR26 VR25
VN41|C-V3|housekeeping|小时|6|1|||老人家里油烟脏得不行|厨房墙上一层油|VR27|VR20
VN42|C-V2|hairdressing|次|8|1|||瘫在床上的老人头发长了|出不了门|VR28|
VN43|C-V4|delivery|次|6|2|||独居老人下不了楼买菜|楼梯陡，腿不好|VR29|
VN44|C-V1|community_education|场|1|2|||老人吃饭噎着了家里人慌了|想让大家学学碰到这种事怎么办|VR30|VR21
VN45|C-V6|hardship_assistance|件|5|2|||几户残疾人家庭生活难|靠低保过日子|VR31|VR17
VN46|C-V1|hardship_assistance|件|8|2|||低保老人过节冷清|想送点慰问品||VR31
VN47|C-V2|party_lecture|场|1|2|||支部三会一课缺个好题目|年轻党员不了解厂里的历史|VR32|
VN48|C-V3|reading_room|场|1|1|||退休老师想组织大家读书|缺地方缺书|VR33|
VN49|C-V1|epidemic_prevention|小时|6|2|||老人怕打疫苗|说打了会发烧，谁劝都不听|VR34|
VN50|C-V4|micro_wish|件|3|1|||孩子想要一本英汉词典|菜场摊主家孩子，英语课跟不上|VR35|VR17
VN51|C-V4|tailoring|次|4|1|||鞋底掉了裤子开线|附近没地方弄|VR36|
VN52|C-V6|psychological|次|1|2|||怀疑自己得了抑郁症|想找医生看看开点药||VR37 VR09
VN53|C-V2|nursing|小时|4|3|||老人褥疮烂了|需要专业人员处理伤口||VR04
VN54|C-V1|venue|场地|1|1|40||社区春晚排练要个大屋子|四十来人，晚上排||VR42 VR13
VN55|C-V5|legal_advice|次|1|2||是|海岛渔民被拖欠工钱|可以打电话||VR07 VR39
"""

_RESOURCES_T3 = """
LR01|U-LYY|home_medical|次|8|0.6,0.4|3|onsite||||二院鼓楼分院家庭病床|分院医生每周上门查房，给卧床老人调药、换药、抽血化验
LR02|U-LYY2|home_medical|次|4|0.6,0.4|3|onsite|||只看眼科|二院眼科义诊进社区|眼科医生免费查白内障、青光眼，只看眼科
LR03|U-LYY3|psychological|次|6|0.6,0.4|3|online|||不接急诊|二院心理科网上问诊|精神心理科医生视频问诊，开药要到医院
LR04|U-LZX|hairdressing|次|15|2.5,0.6|3|onsite||||城建职校美发专业进社区|美发班学生跟着老师每月第三个周四来社区理发，行动不便的可以上门
LR05|U-LZX2|property_management|次|10|2.5,0.6|3|onsite||||职校电工班便民维修|电工专业师生修灯、换开关插座、查线路，材料费另算
LR06|U-LZX3|employment|人|20|2.5,0.6|3|at_unit|||仅限45岁以下|职校短期技能班|中式烹调、电工、汽修三个月短训，免学费
LR07|U-LYH|smartphone_training|场|4|1.1,0.9|2|onsite||||农商行数字助老小课堂|柜员进社区手把手教老人手机转账、交水电费、认出假链接
LR08|U-LYH2|funds|元|20000|1.1,0.9|3|online|||只用于适老化改造|农商行公益基金|每年两万元，给老人家里装扶手、防滑垫、感应夜灯
LR09|U-LYH3|venue|场地|2|1.1,0.9|1|at_unit|30||只在周末|支行二楼会议室|周末借给社区用，坐得下三十人
LR10|U-LWL|delivery|次|20|3.0,1.5|3|onsite||||顺达物流爱心车队|快递员送件时顺路帮独居老人捎米面油、把包裹送上楼
LR11|U-LWL2|materials|件|30|3.0,1.5|3|onsite||||物流公司闲置物资借用|仓库淘汰的折叠凳、小推车、遮阳棚，可以借，用完还回来
LR12|U-LLS|legal_advice|次|12|0.8,0.2|3|onsite||dispute_mediation||正衡律所一社区一律师|律师每月两次驻社区，遗产继承、离婚、租房、欠薪都能问
LR13|U-LLS2|legal_advice|次|6|0.8,0.2|3|online|||只接企业合规咨询|正衡律所线上合规课|给个体户和小微企业讲用工合同、税务合规
LR14|U-LSG|elderly_care|小时|30|-1.2,0.8|3|onsite||psychological||益心社工陪伴服务|社工每周上门陪丧偶、独居的老人聊天，帮着疏导情绪
LR15|U-LSG2|hardship_assistance|件|15|-1.2,0.8|3|onsite|||仅限重度残疾人|益心社工助残包|给残疾人家庭送护理垫、米油
LR16|U-LSG3|child_education|小时|20|-1.2,0.8|2|at_unit||||益心四点半学堂|社工站放学后管孩子写作业，到六点半
LR17|U-LBW|community_education|场|3|0.2,0.6|3|at_unit||||博物馆老城故事课堂|讲解员在馆里讲老城的街巷、古建筑和老字号，中小学生和老人都可以团体预约
LR18|U-LBW2|venue|场地|1|0.2,0.6|2|at_unit|||只在周一闭馆日|博物馆报告厅|报告厅能坐两百人，闭馆日借给社区
LR19|U-LBW3|party_lecture|场|3|0.2,0.6|3|onsite||||博物馆红色讲解员进社区|讲解员带着老照片上门讲老城地下党的故事
LR20|U-LDL|property_management|次|8|1.8,1.8|3|onsite|||限本单位双报到社区|供电公司党员服务队|免费查修老旧线路、换电表箱
LR21|U-LDL2|public_safety|场|3|1.8,1.8|3|onsite||||供电公司安全用电课|讲电动车充电、私拉乱接电线有多危险
LR22|U-LWY|property_management|次|12|1.2,0.5|2|onsite||||安居物业红色维修队|物业师傅修水管、通下水道、换灯泡换门锁，电梯不归我们修
LR23|U-LTL|venue|场地|2|0.5,2.4|2|at_unit|80|||机务段职工活动中心|老俱乐部大厅能坐八十人，平时晚上和周末都可以借
LR24|U-LTL2|culture_arts|场|4|0.5,2.4|3|onsite||||机务段退休职工铜管乐队|退休火车司机组的乐队，教吹小号、萨克斯，也能来演出
LR25|U-LXF|public_safety|场|3|-0.5,-0.8|3|onsite||community_education||老城消防站进社区|消防员教用灭火器、查楼道堆物和煤气罐，组织疏散演练
LR26|U-LTS|reading_room|场|3|0.9,1.6|2|at_unit||||府前城市书房|自助借还书，周末有绘本课和读书会
LR27|U-LHL|nursing|小时|15|-0.8,0.3|3|onsite|||不提供夜间陪护|康乐护理站|护工白天上门帮失能老人擦洗、喂饭、翻身
LR28|U-LFD|elderly_care|小时|30|1.5,1.2|1.5|at_unit||||同福楼爱心午餐|老字号饭店每天中午给七十岁以上老人留半价饭菜，要自己到店里吃
LR29|U-LJZ|housekeeping|小时|20|0.0,0.5|3|onsite||||巧姐家政|上门打扫、擦油烟机、洗窗帘，按钟点算
LR30|U-LFZ|tailoring|次|10|1.0,0.6|2|at_unit||||府前老裁缝铺|改裤脚、换拉链、补衣服，要拿到店里来
LR31|U-LXQ|micro_wish|件|10|0.0,0.0|3|online||||青年突击队微心愿|机关团员在线认领孩子的小心愿，每个两百元以内
LR32|U-LCS|hardship_assistance|件|30|0.9,0.9|3|onsite|||仅限低保和特困家庭|慈善总会节日慰问|春节前上门送米面油和慰问金
LR33|U-LTY|sports_leisure|场|4|2.6,0.0|2|onsite||||体校教练进社区|体校教练教老人打门球、做健身操
LR34|U-LHW|environment|小时|20|1.6,-0.4|3|onsite||||环卫所党员突击队|清运楼道杂物、大件垃圾，疏通雨水沟
LR35|U-LZY|home_medical|次|6|0.5,1.0|3|onsite||||中医院国医堂义诊|老中医每月一次进社区号脉开方、扎针拔罐，只看中医
LR36|U-LRS|employment|人|10|1.3,0.4|3|online||||人社局云招聘|线上直播推荐保安、保洁、收银岗位，可以视频面试
LR37|U-LSF|dispute_mediation|次|8|0.3,0.3|3|onsite||||老城司法所金牌调解员|调解员上门调解邻里、家庭、房屋租赁纠纷
LR38|U-LJK|epidemic_prevention|小时|10|0.7,1.1|3|onsite||||疾控中心入户宣传|工作人员入户讲流感、肺炎疫苗，帮老人预约接种
LR39|U-LYY4|nursing|小时|8|0.6,0.4|3|online||||二院护理部线上护理课|护士视频教家属给老人鼻饲、拍背吸痰、预防褥疮
LR40|U-LDX|funds|元|10000|0.4,2.2|3|online|||限本单位双报到社区|机务段党委共建经费|每年一万元，给双报到的社区办活动
LR41|U-LWH|culture_arts|场|3|-1.5,1.1|2|onsite||||南关文化站戏曲班|老师教黄梅戏、越剧唱段
LR42|U-LJY|child_education|小时|10|1.8,2.0|2|at_unit||||铁路幼儿园托育班|工作日白天托管一到三岁的宝宝，只收三岁以下
LR43|U-LCG|venue|场地|2|2.3,0.4|2|at_unit||||水门茶社包间|茶社楼上包间坐二十个人，白天晚上都行
LR44|U-LSG4|volunteering|小时|20|-1.2,0.8|3|onsite||elderly_care||益心助盲志愿队|志愿者陪视障老人出门散步、读报、去医院
"""

_NEEDS_T3 = """
LN01|C-L1|home_medical|次|2|3|||老爷子卧床半年，每次抽血都得叫救护车|儿子一个人背不动他下五楼，降压药也该调一调了|LR01|LR35
LN02|C-L2|home_medical|次|1|2|||看东西越来越模糊|王阿姨说眼前像蒙了层雾，怕是白内障|LR02|LR01
LN03|C-L3|home_medical|次|2|2|||几个老人膝盖疼想看看中医|天一冷就疼得走不动路|LR35|LR01
LN04|C-L4|home_medical|次|1|2|||牙疼了一个礼拜|老人不敢去医院，想有医生来看看牙||LR02 LR01
LN05|C-L6|nursing|小时|6|3|||老伴中风后插着胃管|每天怎么喂、管子堵了怎么办，家里人一点不懂，网上教也行|LR39 LR27|LR01
LN06|C-L2|nursing|小时|8|3|||瘫痪的婆婆夜里要翻身|儿媳白天上班，晚上起来三四次，人快熬垮了||LR27
LN07|C-L1|elderly_care|小时|10|2|||老头子走了以后她整天不说话|八十三岁，一个人住在鼓楼老宅，女儿在外地|LR14|LR28
LN08|C-L3|elderly_care|小时|6|2|||中午饭没人做|几位高龄老人子女上班，自己开不了火，走得动|LR28|LR29
LN09|C-L1|elderly_care|小时|6|2|||独居老人吃饭凑合|天天泡面，想有个地方吃顿热乎饭||LR28
LN10|C-L6|elderly_care|小时|4|2|||失能老人白天家里没人|儿子儿媳都要上班，老人坐轮椅，吃饭要人喂|LR27|LR28 LR14
LN11|C-L1|child_education|小时|12|2|||孩子三点半放学家里没人|双职工，孩子只能在巷子里晃到天黑|LR16|LR42
LN12|C-L3|child_education|小时|8|2|||放了学娃没处去|爸妈在店里忙到七八点，作业没人看||LR16 LR42
LN13|C-L4|child_education|小时|10|2|||一岁多的娃没人带|妈妈产假休完了，周一到周五要回段里上班|LR42|LR16
LN14|C-L1|legal_advice|次|2|2|||老宅子兄弟几个都想要|父母没留遗嘱，过户卡住了|LR12 LR37|LR13
LN15|C-L2|legal_advice|次|3|3|||干了三个月装修活工头跑了|六个工人一分钱没拿到，过年回不了家|LR12|LR13 LR36 LR37
LN16|C-L4|legal_advice|次|1|1||是|租的房子到期房东不退押金|想电话问问怎么办|LR12 LR37|LR13
LN17|C-L5|legal_advice|次|1|2|||山里老人被人骗签了卖树合同|老人不识字，想找个懂法的人来看看||LR12 LR13
LN18|C-L3|dispute_mediation|次|2|2|||楼上装修天天砸墙|楼下老人心脏不好，两家已经吵了三回|LR37 LR12|LR22
LN19|C-L6|dispute_mediation|次|1|2|||出租屋的租客半夜吵|房东和邻居互相推，邻居报警好几回了|LR37 LR12|
LN20|C-L2|psychological|次|2|2|||初三女儿不肯上学，天天关在屋里|一说就哭，家长不知道怎么办，可以在手机上聊|LR03|LR14
LN21|C-L3|psychological|次|1|3|||退休职工查出癌症后想不开|老伴说他整夜坐着不睡，得有人当面劝劝||LR03 LR14
LN22|C-L1|smartphone_training|场|1|1|||爷爷转帐老按错|上回差点把钱转给骗子|LR07|
LN23|C-L5|smartphone_training|场|1|1|||山里老人想看孙子的视频|孙子在外地读书||LR07
LN24|C-L3|smartphone_training|场|1|1|||交电费只会去营业厅|营业厅撤了，老人不会在手机上交|LR07|LR20
LN25|C-L2|community_education|场|1|1|||孩子对家门口的老街一点不了解|暑假想带小学生认认老城的来历|LR17|LR19
LN26|C-L4|community_education|场|1|2|||老人被保健品推销骗了好几千|想请人来讲讲怎么防这种上门推销||LR07
LN27|C-L1|venue|场地|1|2|150||全街道老党员七一大会|一百五十来人，定在周三上午||LR18 LR23
LN28|C-L4|venue|场地|1|1|60||铁路老职工春节联欢|六十来人，晚上排节目|LR23|LR09 LR18
LN29|C-L2|venue|场地|1|1|12||楼道长周六碰个头|十二位，周六下午|LR09 LR43 LR23|LR18
LN30|C-L1|venue|场地|1|1|25||老年合唱队没地方排练|二十五个人，每周二上午||LR18 LR09
LN31|C-L3|funds|元|5000|2||是|老人家卫生间太滑|几户高龄老人洗澡摔过，想装扶手|LR08|LR40
LN32|C-L2|funds|元|8000|2||是|社区想办个老城庙会|要搭台子请演出队||LR08 LR40
LN33|C-L4|funds|元|3000|1||是|重阳节敬老宴缺经费|想请八十岁以上的老人吃顿饭|LR40|LR08
LN34|C-L4|materials|件|20|1|||乘凉晚会没凳子坐|几十个人只能站着看|LR11|
LN35|C-L1|property_management|次|2|2|||楼道灯坏了好几天|老人晚上摸黑上楼|LR05 LR22|LR20
LN36|C-L2|property_management|次|2|3|||老房子一开空调就跳闸|线是九十年代拉的|LR20 LR05|
LN37|C-L3|property_management|次|1|2|||加装的电梯三天两头停|八楼的老人下不了楼||LR22 LR05
LN38|C-L1|property_management|次|2|2|||厨房下水返臭水|一楼两户都堵了|LR22|LR34
LN39|C-L4|environment|小时|10|1|||楼后面堆满了旧家具|好几年没人清，招老鼠|LR34|
LN40|C-L2|environment|小时|6|1|||巷子里墙皮掉了想刷一刷|居民想把老墙刷白，缺人手||LR34
LN41|C-L1|public_safety|场|1|2|||电瓶车拖进楼道充电|租户图方便，晚上一排排插着|LR21 LR25|
LN42|C-L3|public_safety|小时|8|2|||晚上巷口老有人撬车|丢了两辆三轮车，想有人晚上巡一巡||LR44
LN43|C-L6|culture_arts|场|2|1|||几个老票友想学黄梅戏|没人教，只能跟着手机唱|LR41|LR24
LN44|C-L4|culture_arts|场|2|1|||退休老司机想组个乐队|家里有小号没人带|LR24|LR41
LN45|C-L1|party_lecture|场|1|2|||七一主题党日想讲点本地的|支部想讲讲老城当年的革命故事|LR19|LR17
LN46|C-L3|employment|人|3|2|||五十多岁下岗想学门手艺|想学做菜去饭店帮厨||LR06 LR36
LN47|C-L2|employment|人|4|2||是|几个年轻人想找保安保洁的活|线上面试也行|LR36|LR06
LN48|C-L6|housekeeping|小时|6|1|||老人家厨房油乎乎的|抽油烟机几年没擦了|LR29|
LN49|C-L2|hairdressing|次|8|1|||卧床的老人头发乱遭遭|出不了门，家里人剪不好|LR04|
LN50|C-L4|reading_room|场|1|1|||孩子们周末没地方看书|家里书少，图书馆太远|LR26|LR17
LN51|C-L3|sports_leisure|场|2|1|||老人们想打门球|水门有块空地没人组织|LR33|
LN52|C-L1|delivery|次|6|2|||独居老人扛不动米面|菜场远，一袋米拎不上五楼||LR10
LN53|C-L4|delivery|次|6|2|||老人取快递难|驿站在坡下，包裹拎不回来|LR10|
LN54|C-L2|hardship_assistance|件|6|2|||六户轻度残疾人家庭过冬难|都不是低保户，靠打零工过日子||LR15 LR32
LN55|C-L6|hardship_assistance|件|10|2|||特困老人过年冷冷清清|十户特困供养老人|LR32|LR15
LN56|C-L1|micro_wish|件|2|1|||娃想要一双新球鞋|单亲妈妈一个人带两个娃，鞋早就顶脚了|LR31|LR32
LN57|C-L3|micro_wish|件|1|1|||孩子想要个电子琴|学了两年，家里买不起，一千多块||LR31
LN58|C-L4|epidemic_prevention|小时|6|2|||天冷了爷爷奶奶不肯去打针|说年纪大了打了会出事|LR38|LR01
LN59|C-L2|volunteering|小时|4|2|||看不见的大爷想去公园走走|眼睛不好，家里人白天上班|LR44|LR14
LN60|C-L6|tailoring|次|3|1|||裤腿太长拖地|几位老人的裤子要改短||LR30
LN61|C-L2|tailoring|次|2|1|||拉链坏了|羽绒服拉不上|LR30|
LN62|C-L5|home_medical|次|2|3|||山里老人高血压没人量|村卫生室关了，去镇上要两个钟头||LR01
LN63|C-L5|child_education|小时|6|2|||石岭的留守娃作业没人辅导|爷爷奶奶不识字||LR16
LN64|C-L3|nursing|小时|2|1||是|家属想学怎么给老人拍背吸痰|线上教就行|LR39|LR27
LN65|C-L3|venue|场地|1|1|40||水门社区办书法展|四十来人参观，想借个屋子摆桌子||LR43
LN66|C-L6|sports_leisure|场|1|1|||广场舞队想学新曲子|二十几个阿姨，跳来跳去就那几支||LR33 LR41
LN67|C-L4|property_management|次|1|2|||单元门的锁坏了|谁都能进，晚上不放心|LR22|
LN68|C-L1|community_education|场|1|1|||年轻爸妈想学急救|孩子被果冻卡住喉咙，吓坏了||LR25
LN69|C-L2|public_safety|场|1|1|||老楼里好多人家还用煤气罐|怕出事，想有人来查查讲讲|LR25|LR21
LN70|C-L4|legal_advice|次|1|2|||房改房的产权说不清|铁路老职工想找律师帮着理一理|LR12|LR37 LR13
LN71|C-L5|nursing|小时|2|2|||石岭老人长了褥疮家里人不会弄|儿子想在手机上跟护士学学|LR39|LR27
"""

_RESOURCES_T4 = """
KR01|U-KYY|home_medical|次|8|0.4,0.3|3|onsite||||滨江社区卫生服务中心家庭医生|签约医生每周一、三上门，给行动不便的慢病老人量血压、调药、开长处方
KR02|U-KYY2|home_medical|次|4|0.4,0.3|3|onsite|||只看皮肤科|皮肤科专家义诊|三院皮肤科医生每月来社区看湿疹、带状疱疹，只看皮肤科
KR03|U-KKQ|home_medical|次|5|2.1,-0.5|2|at_unit||||港口医院口腔科公益检查|到医院口腔科免费洗牙、补牙，老人凭身份证预约
KR04|U-KHL|nursing|小时|12|1.2,0.8|3|onsite||||颐康护理站上门护理|护士上门换药、导尿、护理褥疮，白天晚上都能排班
KR05|U-KHL2|nursing|小时|6|1.2,0.8|3|online||||护理站视频护理指导|护士视频教家属喂饭防呛、帮卧床老人翻身
KR06|U-KYL|elderly_care|小时|30|0.1,0.2|3|onsite||||滨江时间银行|低龄老人上门陪高龄老人聊天、读报，存下服务时间以后兑换
KR07|U-KYL2|elderly_care|小时|20|1.4,0.6|1.5|at_unit|||只接能自理的老人|花园长者食堂|中午十一点开饭，一荤两素十元，只接能自理的老人
KR08|U-KYL3|elderly_care|小时|15|-1.6,0.8|3|at_unit||||学府日间照料中心|白天接送半失能老人，管午饭、午睡、做康复操，傍晚送回
KR09|U-KJY|child_education|小时|25|0.6,2.0|2|at_unit||||工业园四点半课堂|园区工会办的放学托管，老师看着写作业到七点，附近小学生都可以来
KR10|U-KJY2|child_education|小时|10|-1.5,1.0|2|onsite|||只辅导初中数学物理|大学生支教队|学府大学的学生每周末上门给初中生补数学、物理
KR11|U-KLS|legal_advice|次|10|1.0,0.5|3|onsite||dispute_mediation||明德律所社区法律顾问|律师每周四下午坐班，婚姻、继承、借贷、劳动纠纷都能问，也帮着调解
KR12|U-KLS2|legal_advice|次|8|1.0,0.5|3|online|||只接知识产权咨询|明德律所商标专利热线|律师电话解答商标注册、专利侵权
KR13|U-KSF|dispute_mediation|次|8|0.0,0.1|3|onsite||||滨江人民调解委员会|调解员上门调解邻里、婚姻家庭、物业纠纷
KR14|U-KXL|psychological|次|8|1.8,-0.3|3|onsite||||阳光心理工作室|心理咨询师上门一对一，帮失眠、焦虑、丧亲的居民
KR15|U-KXL2|psychological|次|20|1.8,-0.3|3|online|||仅限18岁以上|阳光心理夜间热线|晚上八点到十二点电话倾诉，仅限18岁以上
KR16|U-KSJ|smartphone_training|场|4|0.9,1.1|2|onsite||||电信营业厅银龄课堂|营业员进社区教老人用手机打视频、抢红包、查社保
KR17|U-KSJ2|smartphone_training|场|6|0.9,1.1|3|online||||电信线上手机课|每周二晚上直播，教用手机打车、网上挂号
KR18|U-KJK|community_education|场|3|0.3,0.9|3|onsite||||红十字会应急救护培训|教心肺复苏、止血包扎、用AED
KR19|U-KGA|public_safety|场|4|0.0,0.0|3|onsite||community_education||滨江派出所反诈宣讲|民警讲冒充客服、刷单返利、养老投资骗局
KR20|U-KXF|public_safety|场|3|2.5,0.3|3|onsite||||港区消防救援站进社区|消防员讲电动车充电、厨房油锅起火怎么灭，教用灭火器
KR21|U-KCD|venue|场地|2|1.3,0.7|2|at_unit|40||只在工作日晚上|花园党群服务中心多功能室|能坐四十人，工作日晚上借给居民
KR22|U-KCD2|venue|场地|1|0.5,2.1|2|at_unit|300|||工业园职工文化宫剧场|剧场三百个座位，提前两周预约，周末也开
KR23|U-KCD3|venue|场地|3|-1.7,0.9|2|at_unit|15|||学府咖啡馆包间|咖啡馆二楼包间坐得下十五人，白天晚上都行
KR24|U-KTY|sports_leisure|场|3|2.0,-0.6|2|at_unit|||只在周三下午|港口体育馆乒乓球公益时段|四张球台，周三下午免费
KR25|U-KTY2|sports_leisure|场|4|0.2,0.1|3|onsite||||社会体育指导员教太极|指导员每天早上在广场带练太极拳、八段锦
KR26|U-KJJ|funds|元|30000|1.0,1.0|3|online|||只用于加装电梯前期费用|滨江商会加装电梯基金|三万元，只用于老旧小区加装电梯的设计、评估等前期费用
KR27|U-KJJ2|funds|元|15000|1.0,1.0|3|online||||慈善会急难救助金|遭遇重病、火灾、意外的困难家庭可以申请临时救助
KR28|U-KWZ|materials|件|50|2.4,0.2|3|onsite||||港务集团闲置办公家具|淘汰的桌子、椅子、文件柜，免费送给社区
KR29|U-KWZ2|materials|件|40|0.8,1.5|3|onsite|||只捐成人冬衣|服装厂库存冬衣|新的羽绒服、棉裤，只捐成人冬衣
KR30|U-KWY|property_management|次|10|1.3,0.7|1.5|onsite||||花园物业红色维修|物业师傅修水龙头、换灯泡、通马桶
KR31|U-KDL|property_management|次|6|0.7,1.8|3|onsite|||限本单位双报到社区|国网滨江供电党员服务队|免费查修老化线路、电表箱
KR32|U-KHW|environment|小时|20|0.4,0.4|3|onsite||||环卫所志愿清运队|清运楼道杂物、废旧家具，清理卫生死角
KR33|U-KHW2|environment|小时|15|2.2,-0.4|2|onsite||||港区护河志愿队|每周捞河道垃圾、巡查排污口
KR34|U-KWH|culture_arts|场|4|0.6,0.6|3|onsite||||文化馆非遗剪纸班|老师教剪纸、做灯笼
KR35|U-KWH2|culture_arts|场|3|-1.6,1.0|2|onsite||||学府民乐团|大学生民乐团教二胡、笛子，也可以来演出
KR36|U-KDX|party_lecture|场|3|0.0,0.0|3|onsite||||街道党工委宣讲团|讲二十大精神、基层治理的故事
KR37|U-KJYE|employment|人|15|0.6,1.8|3|at_unit|||仅限45岁以下|工业园招工驿站|园区工厂招普工、叉车工，仅限45岁以下
KR38|U-KJZ|housekeeping|小时|15|0.2,0.5|3|onsite|||不含做饭|滨江巾帼家政|上门打扫、擦玻璃、洗油烟机，不含做饭
KR39|U-KLF|hairdressing|次|10|1.9,-0.5|2|onsite||||港口理发店爱心义剪|每月第一个周一给老人免费理发，卧床的可以上门
KR40|U-KKD|delivery|次|20|0.6,0.8|3|onsite|||只送药品|大药房送药到家|药师把老人要的常用药送上门，只送药品
KR41|U-KXQ|micro_wish|件|10|0.0,0.0|3|online||||团工委微心愿|团员在线认领孩子的小心愿，每个三百元以内
KR42|U-KFZ|tailoring|次|10|-1.6,0.9|2|at_unit||||学府裁缝铺|改衣服、换拉链、缝补，要拿到店里来
KR43|U-KZY|volunteering|小时|20|0.3,0.3|3|onsite||elderly_care||滨江陪诊志愿队|志愿者陪独居老人去医院挂号、取药、复查
KR44|U-KTS|reading_room|场|3|0.5,1.9|2|at_unit||||工业园职工书屋|五千册书，周末有亲子阅读会
KR45|U-KJK2|epidemic_prevention|小时|10|0.4,0.3|3|onsite||||卫生服务中心疫苗宣传队|医务人员入户讲带状疱疹、流感疫苗，帮老人预约
KR46|U-KCS|hardship_assistance|件|20|0.0,0.1|3|onsite|||仅限低保家庭|民政帮扶米面油|每季度给低保家庭送米面油
"""

_NEEDS_T4 = """
KN01|C-K1|home_medical|次|2|3|||老爷子糖尿病脚烂了还不肯去医院|七十九岁，腿脚不便，药也快吃完了|KR01|KR02
KN02|C-K2|home_medical|次|1|2|||身上起了一圈水泡疼得睡不着|邻居说是蛇盘疮，老太太不想跑大医院|KR02 KR01|
KN03|C-K6|home_medical|次|3|2|||几位老人牙口不好想查查牙|学府这边没有牙科，老人坐车不方便||KR03 KR01
KN04|C-K3|home_medical|次|2|1|||港口几个退休码头工想洗洗牙|牙结石厚，自己能走过去|KR03|
KN05|C-K4|nursing|小时|6|3|||老伴插着尿管回家了|出院时医院交代要定期换，家里人不会弄|KR04|KR05
KN06|C-K1|nursing|小时|4|2||是|家里人想学怎么给卧床老人翻身|视频教教就行|KR05 KR04|
KN07|C-K2|nursing|小时|8|3|||婆婆半夜要人照看|瘫在床上，夜里得有人翻身擦洗，儿子早出晚归|KR04|KR05 KR38
KN08|C-K1|elderly_care|小时|10|2|||楼里几个孤寡老头老太整天闷在家|没人串门，电视开一天|KR06|KR43
KN09|C-K3|elderly_care|小时|6|2|||港口老人中午吃不上热饭|子女在外跑船，老人自己能走动|KR07|KR38
KN10|C-K4|elderly_care|小时|6|2|||工业园宿舍区老人午饭凑合|几个老人天天啃馒头||KR07 KR08
KN11|C-K2|elderly_care|小时|4|3|||中风后坐轮椅的老太太吃饭要人喂|女儿上班时想有个地方替她照看|KR08|KR07
KN12|C-K6|elderly_care|小时|6|2|||失能老人家属白天要上班|老人半身不遂，想白天送去有人照看的地方|KR08|KR06
KN13|C-K4|child_education|小时|15|2|||园区职工的娃放学后没人接|爸妈三班倒，孩子四点就出校门了|KR09|KR10
KN14|C-K6|child_education|小时|4|2|||初二孩子浮力电路题一道都不会|家长看不懂，想找人星期天补补|KR10|KR09
KN15|C-K2|child_education|小时|3|2|||小学三年级英语跟不上|想周末有人辅导||KR10 KR09
KN16|C-K1|legal_advice|次|2|2|||父亲走后房子怎么分兄妹吵翻了|老房子是父母留下的，有人想卖有人不想卖|KR11 KR13|KR12
KN17|C-K3|legal_advice|次|3|3|||跑船工三个月没发工钱|老板说船没回来就不结账|KR11|KR12
KN18|C-K2|legal_advice|次|1|1||是|小饭店的招牌被人说侵权|对方发来律师函，想电话问问|KR12 KR11|
KN19|C-K5|legal_advice|次|1|2|||渔村老人的宅基地被村里占了|老人不会用电话，想有律师来村里看看||KR11 KR12
KN20|C-K6|dispute_mediation|次|2|2|||楼上空调外机滴水吵了半年|楼下说衣服都晾不了，两家见面就骂|KR13 KR11|KR30
KN21|C-K4|dispute_mediation|次|1|2|||宿舍楼停车位天天抢|几户人家为了车位差点打起来|KR13 KR11|KR31
KN22|C-K1|psychological|次|1|3|||老伴去世后她天天以泪洗面|七十多岁，吃不下睡不着，一个人住|KR14 KR15|KR06
KN23|C-K3|psychological|次|2|2||是|高一女生整晚刷手机不睡觉|跟家里人一句话不说，想让孩子跟懂行的人聊聊，电话也行|KR14|KR15
KN24|C-K5|psychological|次|1|2||是|渔村小伙子出海回来整夜做噩梦|二十五岁，心里憋得慌，打电话聊也行|KR15|KR14
KN25|C-K2|smartphone_training|场|1|1|||奶奶想在屏幕上看见外地的孙子|连微信都没有装|KR16|KR17
KN26|C-K5|smartphone_training|场|1|1|||渔村老人不会在手机上交医保|村里年轻人都出去了||KR16 KR17
KN27|C-K6|smartphone_training|场|1|1|||退休老师想学网上挂号|会用微信，就是挂号总弄错，网上教也行|KR17|KR16
KN28|C-K1|community_education|场|1|2|||想让居民都学会救人|上个月广场上有人倒地，大家干着急|KR18|KR19
KN29|C-K4|community_education|场|1|2|||老人被人拉去听课买了一万多保健品|想请人讲讲怎么不上这种当|KR19|KR18
KN30|C-K3|public_safety|场|1|2|||楼道里一排电瓶车插着电过夜|上周隔壁小区烧了一辆|KR20|KR31 KR19
KN31|C-K2|venue|场地|1|2|120||花园社区退休党员重阳茶话会|一百二十来位老人，定在周六上午|KR22|KR21
KN32|C-K2|venue|场地|1|1|30||业委会换届选举|三十来户代表，周二下班后|KR21|KR23
KN33|C-K6|venue|场地|1|1|12||几位楼长碰个头|十来位，周四下午|KR23|KR21
KN34|C-K1|venue|场地|1|1|60||居民议事会要个屋子|六十来人，周日下午||KR21 KR22 KR23
KN35|C-K4|venue|场地|1|1|40||春节联欢会排练|四十人左右，周末白天|KR22|KR21
KN36|C-K3|sports_leisure|场|2|1|||几个退休码头工想打乒乓球|平时周三下午都有空|KR24|KR25
KN37|C-K1|sports_leisure|场|2|1|||阿姨们想学点慢的运动|腰不好，蹦蹦跳跳的来不了|KR25|KR24
KN38|C-K4|funds|元|20000|2||是|老楼想装电梯先得做设计评估|居民凑不齐前期的钱|KR26|KR27
KN39|C-K2|funds|元|8000|2||是|老楼楼道想刷墙换灯|墙皮一碰就掉||KR26 KR27
KN40|C-K3|funds|元|5000|3||是|码头工家里失火烧了半间屋|一家三口没地方住|KR27|KR26
KN41|C-K1|materials|件|10|1|||图书角缺书架和长条桌|孩子们只能坐在地上看书|KR28|KR44
KN42|C-K6|materials|件|15|2|||困难家庭的孩子冬天没棉衣|几个小学生还穿着单衣上学||KR29
KN43|C-K4|materials|件|20|2|||园区环卫工冬天冻得慌|外地来的环卫工没有厚衣服|KR29|
KN44|C-K2|property_management|次|2|2|||厕所水箱一直流水|水费一个月多了几十块|KR30|KR31
KN45|C-K4|property_management|次|2|3|||宿舍楼一用电磁炉就跳闸|线是八十年代拉的，好多地方胶皮都裂了|KR31|KR30
KN46|C-K6|property_management|次|2|2|||楼道插座冒火星|老旧线路，住户不敢用||KR31 KR30
KN47|C-K3|environment|小时|8|1|||河边排水口冒黑水|一股怪味，鱼都死了|KR33|KR32
KN48|C-K1|environment|小时|10|1|||单元门口堆着旧沙发床垫|搬走的租户扔下的，半年了|KR32|KR28
KN49|C-K6|culture_arts|场|2|1|||几个老人想学拉胡琴|家里有琴，没人教|KR35|KR34
KN50|C-K2|culture_arts|场|1|1|||春节前想带孩子们剪窗花|社区想办个手工活动|KR34|KR35
KN51|C-K1|party_lecture|场|1|2|||支部想请人讲讲二十大|党员学习缺个主讲|KR36|KR19
KN52|C-K4|employment|人|5|2|||几个五十多岁的大姐想找活|孩子上学了，想在附近打工||KR37
KN53|C-K3|employment|人|3|2|||几个小伙子想进厂|二十出头，能上夜班|KR37|
KN54|C-K1|housekeeping|小时|6|1|||独居老人屋里乱得下不了脚|东西堆满了，自己收拾不动|KR38|KR32
KN55|C-K2|housekeeping|小时|6|2|||老人要人天天来做顿饭|腿脚不好，买菜做饭都难||KR38 KR07 KR08
KN56|C-K3|hairdressing|次|6|1|||瘫在床上的爷爷头发长了|出不了门|KR39|
KN57|C-K6|hairdressing|次|6|1|||学府几位瘫痪老人想剪头|家里人不会剪||KR39
KN58|C-K4|delivery|次|6|2|||独居老人降压药吃完了|腿脚不好下不了楼，子女在外地|KR40|KR01
KN59|C-K1|delivery|次|6|2|||老人买不了米面油|超市在马路对面，扛不动||KR40
KN60|C-K6|micro_wish|件|2|1|||孩子想要一套画笔|单亲爸爸打零工，买不起|KR41|KR29
KN61|C-K2|micro_wish|件|1|1|||孩子想要一台学习平板|两千多块，上网课用||KR41
KN62|C-K6|tailoring|次|3|1|||裤腰太大要改小|几位老人瘦了，裤子穿不住|KR42|
KN63|C-K1|tailoring|次|2|1|||老人卧床羽绒服拉链坏了|家里人没空拿去修，想有人上门||KR42
KN64|C-K1|volunteering|小时|4|2|||独居老人每月复查没人陪|自己看不懂医院的自助机|KR43|KR06
KN65|C-K4|reading_room|场|1|1|||周末想带孩子找个地方看书|家附近没有图书馆|KR44|
KN66|C-K3|epidemic_prevention|小时|6|2|||老人怕打带状疱疹疫苗|听说要自费，又怕副作用|KR45|KR02
KN67|C-K2|hardship_assistance|件|5|2|||几户低保老人过冬难|家里冷，吃得也简单|KR46 KR29|KR27
KN68|C-K6|hardship_assistance|件|4|2|||几户残疾人家庭日子紧巴巴|都不是低保户||KR46 KR27
KN69|C-K5|home_medical|次|2|3|||渔村老人血压高没人量|村医退休了，去镇上要坐一个钟头船||KR01
KN70|C-K3|community_education|场|1|1|||码头工家属想学做家常菜|想让孩子吃得好一点||
KN71|C-K4|public_safety|小时|8|2|||宿舍区晚上总有人偷电瓶|丢了好几块，想有人晚上巡逻||KR20 KR19
"""

_RESOURCES_T5 = """
PR01|U-PWS|home_medical|次|6|0.5,0.5|3|onsite||||石桥卫生院巡回医疗|医生护士每周五开车进小区，测血压血糖、看常见病、开常用药
PR02|U-PWS2|home_medical|次|3|0.5,0.5|3|at_unit|||需本人到院|卫生院康复理疗科|针灸、电疗、牵引，治颈椎腰椎毛病，需本人到院
PR03|U-PFY|home_medical|次|4|1.8,0.4|3|onsite|||只接女性|妇幼保健院两癌筛查|医生进社区给35到64岁妇女免费做宫颈癌、乳腺癌筛查，只接女性
PR04|U-PHL|nursing|小时|10|0.2,1.6|3|onsite|||只在上午|安康护理站|护士上午上门打针、换药、拆线，只在上午
PR05|U-PYL|elderly_care|小时|25|0.0,0.2|3|onsite||||石桥邻里守望队|党员和楼栋长每天给独居老人打电话、隔天敲门看看
PR06|U-PYL2|elderly_care|小时|20|1.0,1.0|2|at_unit|||仅限60岁以上|石桥老年食堂|六十岁以上老人中午来吃饭，一顿六块，也可以打包带走
PR07|U-PJY|child_education|小时|20|2.2,0.2|2|at_unit||||石桥小学托管班|学校老师放学后看着孩子写作业到六点
PR08|U-PJY2|child_education|小时|8|-1.4,-0.9|3|onsite||||职院学生暑期支教|大学生暑假上门陪孩子读书、做手工、辅导暑假作业
PR09|U-PLS|legal_advice|次|8|1.2,0.3|3|onsite||||金石律所法律服务进社区|律师每月第二个周六来社区，讲征地补偿、租房合同、婚姻继承
PR10|U-PLS2|legal_advice|次|10|1.2,0.3|3|online||||12348法律援助热线转接|律师电话解答欠薪、工伤、离婚、借钱不还
PR11|U-PTJ|dispute_mediation|次|6|0.1,0.0|3|onsite||||石桥老娘舅工作室|退休干部上门劝和邻里、婆媳、兄弟之间的矛盾
PR12|U-PXL|psychological|次|6|1.5,1.5|3|onsite|||只接学生|中学心理辅导站|学校心理老师给学生做一对一心理辅导，只接学生
PR13|U-PSJ|smartphone_training|场|3|0.4,0.6|3|onsite||||邮政网点防骗手机课|柜员教老人辨认诈骗短信、设置手机支付密码
PR14|U-PJK|community_education|场|3|1.6,1.2|3|onsite||||营养与慢病讲座|卫生院医生讲高血压、糖尿病老人怎么吃
PR15|U-PXF|public_safety|场|2|2.0,1.0|3|onsite||||消防中队燃气安全课|讲煤气罐、天然气泄漏怎么办，演示关阀门
PR16|U-PBA|public_safety|小时|40|0.6,0.9|3|onsite||||石桥义警巡逻队|退役军人晚上在小区和河边巡逻
PR17|U-PCD|venue|场地|2|0.0,0.1|2|at_unit|50|||社区党群服务站大会议室|能坐五十人，白天晚上都可以
PR18|U-PCD2|venue|场地|1|2.4,0.0|2|at_unit|||只用于党建活动|石桥小学阶梯教室|能坐一百二十人，只用于党建活动
PR19|U-PCD3|venue|场地|2|0.3,2.2|2|at_unit|25||只在上午|新村农家院|院子能摆二十五个座，只在上午借
PR20|U-PTY|sports_leisure|场|3|1.9,0.3|2|at_unit||||石桥中学篮球场|周末和假期向居民开放篮球场
PR21|U-PJJ|funds|元|20000|1.0,1.0|3|online|||只用于党建活动|街道党建经费|两万元，只用于社区党组织开展党建活动
PR22|U-PJJ2|funds|元|10000|1.0,1.0|3|online|||仅限残疾人家庭|残联助残补贴|给持证残疾人家庭一次性补贴，仅限残疾人家庭
PR23|U-PWZ|materials|件|30|0.8,0.6|3|onsite||||超市临期食品捐赠|临期牛奶、面包、饼干，每周二送到社区
PR24|U-PWZ2|materials|件|10|2.3,0.2|3|onsite|||只借不送|五金店工具借用|梯子、电钻、推车可以借，只借不送，用完归还
PR25|U-PWY|property_management|次|8|1.1,0.9|2|onsite|||不含电梯|石桥物业维修班|修水管、换灯、修门锁，不含电梯
PR26|U-PHW|environment|小时|20|0.5,0.4|3|onsite||||石桥清洁家园志愿队|捡垃圾、清理小广告、铲牛皮癣
PR27|U-PWH|culture_arts|场|3|1.7,0.8|3|onsite||||文化站广场舞教练|教广场舞、健身操，也帮排节目
PR28|U-PDX|party_lecture|场|2|1.0,1.0|3|onsite||||老党员宣讲团|老党员讲石桥移民搬迁的故事
PR29|U-PJYE|employment|人|10|0.9,0.8|3|onsite|||只招女性|家政公司招聘|招保洁、育儿嫂，只招女性，包培训
PR30|U-PJZ|housekeeping|小时|12|0.4,0.2|3|onsite||||石桥家政互助社|上门打扫卫生、洗衣服、做饭，按小时收费
PR31|U-PLF|hairdressing|次|8|1.1,1.0|2|at_unit||||石桥老年理发点|每周三在服务站给老人理发，两块钱一次
PR32|U-PKD|delivery|次|15|0.3,0.3|3|onsite||||邮政小哥顺路帮办|邮递员送信时帮老人带米油、交水电费
PR33|U-PXQ|micro_wish|件|10|0.0,0.0|3|online||||石桥微心愿墙|党员在线认领孩子的小心愿，每个一百元以内
PR34|U-PFZ|tailoring|次|8|0.2,2.1|2|onsite||||新村裁缝张阿姨|上门帮老人改衣服、缝被子
PR35|U-PZY|volunteering|小时|15|0.6,0.5|3|onsite||||大学生助残志愿队|陪残疾人出门、康复锻炼
PR36|U-PTS|reading_room|场|2|0.0,0.1|2|at_unit||||服务站农家书屋|两千册书，晚上开到八点
PR37|U-PYF|epidemic_prevention|小时|8|0.5,0.5|3|onsite||||卫生院疫苗接种宣传|入户讲老人流感、肺炎疫苗，帮着预约
PR38|U-PKF|hardship_assistance|件|15|0.1,0.0|3|onsite||||社区帮困基金会|给临时困难家庭送米面油和慰问金
PR39|U-PDX2|property_management|次|5|0.3,2.0|3|onsite|||只服务本单位双报到社区|自来水公司党员服务队|免费换老化水管、修水表，只服务本单位双报到社区
PR40|U-PHJ|environment|小时|10|2.2,0.0|2|onsite||||河埠护河队|每周捞河面上漂的垃圾和水草
"""

_NEEDS_T5 = """
PN01|C-P1|home_medical|次|2|2|||好几个老人血压一直降不下来|想有大夫来小区看看调调药|PR01|PR14
PN02|C-P2|home_medical|次|1|2|||老伴颈椎病犯了手都抬不起来|他一步都走不了，想让人上门扎扎针||PR02 PR01
PN03|C-P3|home_medical|次|2|2|||几个阿姨想做个妇科检查|一直没查过，怕有毛病|PR03|PR01
PN04|C-P6|home_medical|次|1|2|||大爷前列腺不舒服|不好意思去医院|PR01|PR03
PN05|C-P1|nursing|小时|4|3|||老太太腿上的伤口化脓了|每天下午才有人在家开门||PR04
PN06|C-P4|nursing|小时|3|2|||做完手术回家要拆线|早上家里有人|PR04|
PN07|C-P2|elderly_care|小时|8|2|||楼里一个人过日子的老头老太多|怕出了事没人知道，子女都在城里打工|PR05|PR06
PN08|C-P3|elderly_care|小时|6|2|||五十几岁的残疾人中午饭没着落|自己一个人过，想找个能去吃饭的地方，会拄拐走路||PR06 PR30
PN09|C-P1|elderly_care|小时|6|2|||七十多的老头想晌午有口热饭|走得动，离服务站不远|PR06|PR30
PN10|C-P5|elderly_care|小时|4|2|||山上老人家里没人照应|儿女都下山了||PR05
PN11|C-P2|child_education|小时|10|2|||下午四点半以后娃没处去|爸妈在厂里上班|PR07|PR08
PN12|C-P6|child_education|小时|6|2|||暑假里孩子天天在家看电视|想有人陪着读读书|PR08|PR07
PN13|C-P4|child_education|小时|6|2|||放学后娃没人看|爷爷奶奶要下地||PR07 PR08
PN14|C-P1|legal_advice|次|2|2|||征地补偿款一直没到位|村里说上面没拨下来|PR09 PR10|
PN15|C-P3|legal_advice|次|1|3||是|在工地摔断了腿老板不管|想电话问问能不能算工伤|PR10 PR09|
PN16|C-P6|dispute_mediation|次|2|2|||婆婆和儿媳天天吵|儿子夹在中间两头受气|PR11|PR12
PN17|C-P2|psychological|次|1|2|||初二男孩沉迷游戏不跟家里说话|家长想找个懂行的人开导开导|PR12|PR11
PN18|C-P3|psychological|次|1|3|||中年人失业后整天喝闷酒|老婆担心他想不开||PR12
PN19|C-P1|smartphone_training|场|1|1|||爷爷总收到说他中奖的消息|差点按提示转了钱|PR13|PR15
PN20|C-P4|smartphone_training|场|1|1|||老人想学手机打车|去城里看病叫不到车||PR13
PN21|C-P2|community_education|场|1|2|||糖尿病老人不知道该吃什么|一天三顿都是馒头咸菜|PR14|
PN22|C-P3|public_safety|场|1|2|||家家户户用煤气罐|上次有户人家差点出事|PR15|PR16
PN23|C-P6|public_safety|小时|10|2|||河边晚上黑灯瞎火老有人打架|居民不敢出门|PR16|
PN24|C-P1|venue|场地|1|2|40||居民代表开会|四十个人左右，周四夜里|PR17|PR18
PN25|C-P3|venue|场地|1|2|100||全社区党员大会学习二十大|一百来号党员|PR18|PR17
PN26|C-P3|venue|场地|1|1|80||老年人重阳文艺汇演|八十来号人，周六下午||PR18 PR17
PN27|C-P4|venue|场地|1|1|20||妇女之家做手工|二十个人，周二下午||PR19 PR17
PN28|C-P4|venue|场地|1|1|15||楼栋长开个短会|十几个人，周一早上|PR19|
PN29|C-P2|sports_leisure|场|1|1|||年轻人下班后想打篮球|小区里没地方||PR20
PN30|C-P3|sports_leisure|场|1|1|||孩子们暑假想打打球|学校放假了|PR20|
PN31|C-P1|funds|元|5000|2||是|支部想办个红色观影活动|缺放电影的钱|PR21|PR22
PN32|C-P2|funds|元|8000|2||是|楼道墙皮掉了想重新刷|居民凑钱凑不齐||PR21
PN33|C-P6|funds|元|3000|3||是|残疾人家里房顶漏雨|一家靠低保过日子|PR22|PR21
PN34|C-P2|materials|件|20|1|||社区活动要几把梯子挂灯笼|过年想布置一下|PR24|PR23
PN35|C-P1|materials|件|10|2|||几户困难老人想要台电暖器|冬天屋里太冷||PR24 PR23
PN36|C-P3|materials|件|15|1|||留守孩子早饭经常不吃|家里只有爷爷奶奶|PR23|
PN37|C-P4|property_management|次|2|3|||水管老化一开就渗水|楼下都被泡了|PR39 PR25|
PN38|C-P2|property_management|次|1|2|||单元楼电梯三天两头停|八楼老人下不了楼||PR25 PR39
PN39|C-P1|environment|小时|6|1|||电线杆上贴满了办证的广告|怎么撕都撕不干净|PR26|
PN40|C-P2|culture_arts|场|2|1|||阿姨们想跳个舞参加比赛|没人会编|PR27|PR28
PN41|C-P3|party_lecture|场|1|2|||年轻党员想听听搬迁前的老故事|支部书记想请老同志讲讲|PR28|
PN42|C-P2|employment|人|3|2|||几个男的想找保洁的活|四十多岁，能吃苦||PR29
PN43|C-P1|employment|人|4|2|||几个宝妈想找份能顾家的工作|孩子上学后有空|PR29|
PN44|C-P1|housekeeping|小时|4|1|||老两口想找人每周来作一次大扫除|岁数大了擦不动窗户|PR30|
PN45|C-P4|hairdressing|次|5|1|||新村几位老爷子头发长了|走得动，就是没地方剪|PR31|
PN46|C-P3|hairdressing|次|3|1|||卧床的老爷子胡子头发老长|下不了床||PR31
PN47|C-P2|delivery|次|6|2|||独居老人扛不动煤气罐|换一罐要走两里路||PR32
PN48|C-P1|delivery|次|4|2|||老人每月要去邮局交电费|腿脚不好，路又远|PR32|
PN49|C-P6|micro_wish|件|2|1|||娃想要一个新书包|旧的背带断了|PR33|PR23
PN50|C-P4|tailoring|次|3|1|||棉被破了个大洞|奶奶眼神不好缝不了|PR34|
PN51|C-P6|volunteering|小时|4|2|||坐轮椅的小伙子想出去晒晒太阳|家里人抬不动轮椅|PR35|
PN52|C-P1|reading_room|场|1|1|||下班后想找个地方看看书|家里孩子吵|PR36|
PN53|C-P2|epidemic_prevention|小时|4|2|||老人不知道该打什么疫苗|流感季节快到了|PR37|
PN54|C-P3|hardship_assistance|件|4|2|||家里顶梁柱出车祸住院了|孩子还在上学，一下子没了收入|PR38|PR22
PN55|C-P5|legal_advice|次|1|2|||山上老人被人骗了养老钱|老人耳背，电话里说不清||PR10 PR09
"""

@dataclass(frozen=True)
class LabelledNeed:
    """One labelled need line."""

    id: str
    community: str
    category: str
    unit_of_measure: str
    quantity: int
    urgency: int
    people: int | None
    online: bool | None
    title: str
    description: str
    right: frozenset[str]
    tempting: frozenset[str]


@dataclass(frozen=True)
class LabelledResource:
    """One labelled resource line."""

    id: str
    unit: str
    category: str
    unit_of_measure: str
    capacity: int
    xy: tuple[float, float]
    reach_km: float
    mode: str
    seats: int | None
    also: tuple[str, ...]
    restriction: str
    title: str
    description: str


@dataclass(frozen=True)
class Half:
    """One half of the set: its own district."""

    name: str
    needs: tuple[LabelledNeed, ...]
    resources: tuple[LabelledResource, ...]
    communities: dict[str, tuple[str, tuple[float, float], bool]]
    registrations: tuple[tuple[str, str], ...]


def _lines(block: str) -> list[list[str]]:
    return [line.split("|") for line in block.strip().splitlines()]


def _need(f: list[str]) -> LabelledNeed:
    if len(f) != 12:
        raise ValueError(f"need line {f[0]} has {len(f)} columns, not 12")
    return LabelledNeed(
        id=f[0], community=f[1], category=f[2], unit_of_measure=f[3], quantity=int(f[4]),
        urgency=int(f[5]), people=int(f[6]) if f[6] else None,
        online={"是": True, "否": False, "": None}[f[7]], title=f[8], description=f[9],
        right=frozenset(f[10].split()), tempting=frozenset(f[11].split()))


def _resource(f: list[str]) -> LabelledResource:
    if len(f) != 13:
        raise ValueError(f"resource line {f[0]} has {len(f)} columns, not 13")
    x, y = (float(v) for v in f[5].split(","))
    return LabelledResource(
        id=f[0], unit=f[1], category=f[2], unit_of_measure=f[3], capacity=int(f[4]),
        xy=(x, y), reach_km=float(f[6]), mode=f[7], seats=int(f[8]) if f[8] else None,
        also=tuple(f[9].split()), restriction=f[10], title=f[11], description=f[12])


HALVES: dict[str, Half] = {
    name: Half(name, tuple(_need(f) for f in _lines(needs)),
               tuple(_resource(f) for f in _lines(res)), COMMUNITIES[name],
               REGISTRATIONS[name])
    for name, needs, res in (("T", _NEEDS_T, _RESOURCES_T), ("T2", _NEEDS_T2, _RESOURCES_T2),
                             ("T3", _NEEDS_T3, _RESOURCES_T3), ("T4", _NEEDS_T4, _RESOURCES_T4),
                             ("T5", _NEEDS_T5, _RESOURCES_T5), ("T6", NEEDS_T6, RESOURCES_T6),
                             ("T7", NEEDS_T7, RESOURCES_T7), ("T8", NEEDS_T8, RESOURCES_T8),
                             ("T9", NEEDS_T9, RESOURCES_T9),
                             ("E", _NEEDS_E, _RESOURCES_E), ("E2", NEEDS_E2, RESOURCES_E2))
}
"""``"T"``, ``"T2"``, ``"T3"``, ``"T4"``, ``"T5"``, ``"T6"``, ``"T7"``, ``"T8"`` and ``"T9"``: the
tuning halves;
``"E"`` and ``"E2"``: the test halves (never used to choose a parameter)."""

TUNING_HALVES: tuple[str, ...] = ("T", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9")
"""The halves rules and thresholds are tuned on, in order."""
TEST_HALVES: tuple[str, ...] = ("E", "E2")
"""The halves that only measure (never used to choose a parameter), in order."""

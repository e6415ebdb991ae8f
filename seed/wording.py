"""Chinese wording of the demo district: names of units, people and places, and the
templates of needs and resources per category.

Everything here is invented for the demo. **All people are fictitious**: names are drawn
from lists of common surnames and given-name characters, phone numbers are random digits.
Unit names are built from generic parts (a district, a road, a made-up brand, a trade) and
do not describe any real organization's conduct.

A template is a pair of ``str.format`` patterns (title, description) with these slots:
``place`` (a community or compound), ``who`` (the people served), ``obj`` (the thing or
activity), ``n`` (a head count), ``k`` (a small count in Chinese, 两/三...), ``freq``
(每周/每月...), ``time`` (周末/工作日晚间...), ``q`` and ``u`` (quantity and unit of
measure), ``unit`` (the offering unit's name), ``cap`` (seats of a room).

>>> spec = CATALOG["legal_advice"]
>>> sorted({t.uom for t in spec.needs}) <= sorted({t.uom for t in spec.resources})
True
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import CommunityType, UnitKind


@dataclass(frozen=True)
class NeedTemplate:
    title: str
    description: str
    uom: str
    low: int
    high: int
    online_ok: bool = False


@dataclass(frozen=True)
class ResourceTemplate:
    title: str
    description: str
    uom: str
    low: int
    high: int
    mode: str = "onsite"  # onsite / at_unit / online


@dataclass(frozen=True)
class CategorySpec:
    """How a category is asked for and offered, and how common it is."""

    who: tuple[str, ...]
    obj: tuple[str, ...]
    needs: tuple[NeedTemplate, ...]
    resources: tuple[ResourceTemplate, ...]
    demand: float = 1.0  # relative weight among needs
    rare: bool = False  # few units offer it, only close by


NT, RT = NeedTemplate, ResourceTemplate

CATALOG: dict[str, CategorySpec] = {
    "home_medical": CategorySpec(
        who=("高龄老人", "慢性病患者", "行动不便的居民", "重点人群", "独居老人"),
        obj=("血压血糖监测", "健康随访", "慢病管理", "用药指导"),
        needs=(
            NT("为辖区{n}余名{who}提供上门{obj}", "{place}有{n}余名{who}，出行就医不便。希望共建"
               "单位的医护人员{freq}上门开展{obj}，全年约需{q}{u}。", "次", 12, 48),
            NT("{place}{who}家庭医生签约随访", "{place}{who}较多，家庭医生签约后随访跟不上。"
               "希望医疗机构协助完成随访，预计{q}{u}。", "人次", 50, 300),
            NT("{freq}在{place}举办一次健康义诊", "居民对{obj}需求大，希望{freq}到社区"
               "开展一次义诊，全年共{q}{u}。", "次", 4, 12),
        ),
        resources=(
            RT("{freq}安排{k}名全科医生到社区开展义诊", "{unit}党员医生组成服务队，{freq}到共建"
               "社区开展{obj}和健康咨询，全年可提供{q}{u}。", "次", 6, 24),
            RT("家庭医生上门随访服务", "{unit}家庭医生团队可为{who}提供上门随访和{obj}，"
               "全年约{q}{u}。", "人次", 100, 500),
            RT("党员医护志愿者{obj}服务", "{unit}在职党员医护人员利用{time}开展{obj}，"
               "可服务{q}{u}。", "人次", 60, 240),
        ),
        demand=1.3,
    ),
    "elderly_care": CategorySpec(
        who=("独居老人", "空巢老人", "高龄老人", "失能半失能老人", "困难老人"),
        obj=("助餐", "日间照料", "助浴", "助洁", "陪伴聊天"),
        needs=(
            NT("为辖区{n}余名{who}提供每周助餐服务", "{place}现有{n}余名{who}，子女不在身边，"
               "午餐难以保障。希望共建单位协助送餐或提供助餐点，全年约需{q}{u}。", "次", 50, 400),
            NT("{place}{who}{obj}服务", "社区日间照料中心人手不足，希望有志愿者{freq}协助开展"
               "{obj}，预计需要{q}{u}。", "小时", 40, 300),
            NT("{who}节日走访慰问", "{place}有{n}余户{who}，希望在重阳、春节等节日开展走访慰问"
               "和{obj}，约{q}{u}。", "次", 10, 60),
        ),
        resources=(
            RT("单位食堂为社区老人提供爱心午餐", "{unit}职工食堂可在工作日为{who}提供午餐，"
               "全年约{q}{u}。", "次", 100, 600, "at_unit"),
            RT("党员志愿者{freq}到社区开展{obj}", "{unit}组织在职党员{freq}到日间照料中心开展"
               "{obj}，全年可提供约{q}{u}。", "小时", 60, 400),
            RT("{who}结对关爱行动", "{unit}党员与{who}结对，开展走访慰问和{obj}，"
               "全年{q}{u}。", "次", 20, 80),
        ),
        demand=1.6,
    ),
    "child_education": CategorySpec(
        who=("双职工家庭子女", "留守儿童", "困难家庭学生", "学龄前儿童"),
        obj=("课业辅导", "四点半课堂", "亲子阅读", "暑期托管", "科普实验"),
        needs=(
            NT("{place}四点半课堂辅导老师", "{place}{who}放学后无人看护，希望有老师或大学生"
               "志愿者开展{obj}，学期内约需{q}{u}。", "小时", 60, 300),
            NT("暑期{who}{obj}", "暑假期间{who}较多，希望共建单位协助开展{obj}，约{q}{u}。",
               "小时", 40, 200),
            NT("儿童之家{obj}活动", "社区儿童之家希望{freq}举办一次{obj}活动，全年{q}{u}。",
               "场", 6, 24),
        ),
        resources=(
            RT("教师志愿者{obj}", "{unit}党员教师利用{time}为{who}开展{obj}，"
               "可提供{q}{u}。", "小时", 60, 300),
            RT("{obj}主题活动进社区", "{unit}可{freq}到社区开展一场{obj}活动，全年{q}{u}。",
               "场", 6, 24),
            RT("暑期托管班", "{unit}暑期开放校园，为{who}提供托管和{obj}，约{q}{u}。",
               "小时", 80, 400, "at_unit"),
        ),
        demand=1.1,
    ),
    "sports_leisure": CategorySpec(
        who=("中老年居民", "青少年", "社区居民", "职工家属"),
        obj=("广场舞", "太极拳", "乒乓球", "趣味运动会", "健步走"),
        needs=(
            NT("{place}{obj}活动场地和指导", "{place}{who}喜欢{obj}，缺少场地和专业指导，"
               "希望全年开展{q}{u}。", "场", 6, 30),
            NT("社区{obj}比赛", "计划举办社区{obj}比赛，需要共建单位协助组织，约{q}{u}。",
               "次", 1, 6),
        ),
        resources=(
            RT("体育场馆{time}向居民开放", "{unit}{time}开放运动场和球馆，可接待{obj}等活动"
               "{q}{u}。", "场", 20, 100, "at_unit"),
            RT("{obj}教练志愿指导", "{unit}的{obj}爱好者协会{freq}到社区指导一次，全年{q}{u}。",
               "场", 6, 24),
            RT("协办社区{obj}比赛", "{unit}可承办或赞助社区{obj}比赛，每年{q}{u}。",
               "次", 1, 4),
        ),
        demand=0.8,
    ),
    "tailoring": CategorySpec(
        who=("老年居民", "困难家庭", "社区居民"),
        obj=("衣物缝补", "改衣", "修鞋", "小家电维修", "配钥匙"),
        needs=(
            NT("便民{obj}服务进社区", "{place}附近没有{obj}摊点，{who}很不方便，希望{freq}"
               "有人到社区服务，全年约{q}{u}。", "次", 6, 24),
            NT("{who}{obj}", "为{who}集中提供{obj}，预计{q}{u}。", "件", 50, 300),
        ),
        resources=(
            RT("便民服务队{freq}进社区", "{unit}便民服务队{freq}到社区提供{obj}，"
               "全年{q}{u}。", "次", 6, 24),
            RT("免费{obj}", "{unit}门店为{who}免费提供{obj}，全年可处理{q}{u}。",
               "件", 100, 500, "at_unit"),
        ),
        demand=0.6,
        rare=True,
    ),
    "housekeeping": CategorySpec(
        who=("失能老人家庭", "残疾人家庭", "困难家庭", "独居老人"),
        obj=("家庭保洁", "油烟机清洗", "整理收纳", "家电清洗"),
        needs=(
            NT("{who}{obj}", "{place}有{n}户{who}需要{obj}，希望共建单位提供公益服务，"
               "约{q}{u}。", "户", 10, 60),
            NT("{who}定期家政服务", "为{who}提供{freq}一次的{obj}，全年约{q}{u}。", "小时",
               40, 200),
        ),
        resources=(
            RT("公益{obj}服务", "{unit}家政人员为{who}提供免费{obj}，全年可服务{q}{u}。",
               "户", 20, 100),
            RT("家政服务时长捐赠", "{unit}每年捐赠{q}{u}家政服务，用于{who}{obj}。",
               "小时", 60, 300),
        ),
        demand=0.7,
    ),
    "nursing": CategorySpec(
        who=("失能老人", "术后康复居民", "重度残疾人", "卧床老人"),
        obj=("康复护理", "陪护", "压疮护理", "康复训练指导"),
        needs=(
            NT("{who}上门{obj}", "{place}有{n}名{who}，家属照护能力有限，希望专业人员{freq}"
               "上门开展{obj}，全年约{q}{u}。", "小时", 40, 240),
        ),
        resources=(
            RT("护士上门{obj}", "{unit}护理团队可为{who}提供上门{obj}，全年约{q}{u}。",
               "小时", 60, 300),
            RT("{obj}培训家属", "{unit}为{who}家属开展{obj}培训，全年{q}{u}。",
               "小时", 20, 80),
        ),
        demand=0.7,
        rare=True,
    ),
    "hairdressing": CategorySpec(
        who=("高龄老人", "行动不便的老人", "残疾人", "环卫工人"),
        obj=("义剪", "上门理发", "洗头理发"),
        needs=(
            NT("{freq}为{who}{obj}", "{place}{who}理发不便，希望{freq}有理发师到社区{obj}，"
               "全年约{q}{u}。", "人次", 60, 300),
            NT("{who}上门理发", "部分{who}无法下楼，希望提供上门理发，约{q}{u}。", "次",
               10, 50),
        ),
        resources=(
            RT("理发师{freq}进社区义剪", "{unit}组织理发师{freq}进社区开展{obj}，"
               "全年可服务{q}{u}。", "人次", 100, 400),
            RT("上门理发服务", "{unit}可为{who}提供上门理发，全年{q}{u}。", "次", 20, 80),
        ),
        demand=0.6,
    ),
    "delivery": CategorySpec(
        who=("独居老人", "行动不便的居民", "隔离居家居民"),
        obj=("代购代送", "药品配送", "快递代收", "送菜上门"),
        needs=(
            NT("{who}{obj}服务", "{place}{who}购物取件不便，希望提供{obj}，全年约{q}{u}。",
               "次", 50, 300),
        ),
        resources=(
            RT("快递网点{obj}", "{unit}网点可为{who}提供{obj}，全年约{q}{u}。", "次",
               100, 500),
            RT("骑手党员志愿{obj}", "{unit}党员骑手利用{time}为{who}{obj}，约{q}{u}。", "次",
               50, 200),
        ),
        demand=0.5,
        rare=True,
    ),
    "legal_advice": CategorySpec(
        who=("居民", "老年人", "外来务工人员", "困难群众"),
        obj=("婚姻家庭", "房产物业", "劳动争议", "养老诈骗防范", "遗产继承"),
        needs=(
            NT("{freq}一次法律咨询", "{place}居民在{obj}等方面常有法律问题，希望律师{freq}到"
               "社区坐班或在线答疑，全年约{q}{u}。", "次", 6, 24, True),
            NT("{obj}普法讲座", "面向{who}开展{obj}主题普法讲座，全年{q}{u}。", "场", 2, 8,
               True),
            NT("一居一法律顾问", "{place}尚无固定法律顾问，希望共建单位派驻律师，"
               "全年约{q}{u}咨询。", "次", 12, 48, True),
        ),
        resources=(
            RT("律师{freq}到社区坐班答疑", "{unit}安排{k}名律师{freq}到共建社区坐班，"
               "解答{obj}等问题，全年{q}{u}。", "次", 12, 48),
            RT("线上法律咨询热线", "{unit}开通线上法律咨询，{who}可随时留言，全年约{q}{u}。",
               "次", 50, 300, "online"),
            RT("{obj}普法讲座", "{unit}法律工作者可为社区开展{obj}普法讲座{q}{u}。", "场",
               2, 12),
        ),
        demand=1.1,
    ),
    "dispute_mediation": CategorySpec(
        who=("邻里", "业主与物业", "家庭成员", "租户与房东"),
        obj=("噪音扰民", "漏水纠纷", "停车矛盾", "物业费争议", "赡养纠纷"),
        needs=(
            NT("{who}{obj}调解", "{place}近期{obj}类矛盾较多，希望有经验的调解员协助化解，"
               "约{q}{u}。", "次", 6, 40),
        ),
        resources=(
            RT("调解员驻点调解", "{unit}派出{k}名调解员{freq}到社区调解{obj}等矛盾，全年约{q}{u}。",
               "次", 12, 60),
            RT("“老娘舅”党员调解队", "{unit}退休党员组成调解队，调处{who}之间的{obj}，"
               "约{q}{u}。", "次", 10, 40),
        ),
        demand=0.8,
    ),
    "psychological": CategorySpec(
        who=("青少年", "独居老人", "失独家庭", "困境儿童", "社区工作者"),
        obj=("心理疏导", "情绪减压", "亲子沟通", "考前减压"),
        needs=(
            NT("{who}{obj}", "{place}部分{who}需要{obj}，希望专业心理咨询师介入，约{q}{u}。",
               "小时", 10, 60, True),
            NT("{obj}团体辅导", "面向{who}开展{obj}团体辅导，全年{q}{u}。", "场", 2, 8, True),
        ),
        resources=(
            RT("心理咨询师{obj}服务", "{unit}心理咨询师可为{who}提供{obj}，全年约{q}{u}。",
               "小时", 20, 120),
            RT("线上心理援助", "{unit}开通线上心理援助，为{who}提供{obj}，约{q}{u}。",
               "小时", 40, 200, "online"),
            RT("{obj}团体辅导", "{unit}可为社区开展{obj}团体辅导{q}{u}。", "场", 2, 10),
        ),
        demand=0.7,
    ),
    "hardship_assistance": CategorySpec(
        who=("低保家庭", "困难党员", "大病家庭", "困境儿童", "残疾人家庭"),
        obj=("米面油", "过冬衣物", "助学金", "慰问金"),
        needs=(
            NT("{who}结对帮扶", "{place}有{n}户{who}，希望共建单位结对帮扶，送去{obj}，"
               "约{q}{u}。", "户", 5, 40),
            NT("{who}慰问资金", "春节前慰问{who}，需要资金约{q}{u}。", "元", 5000, 40000),
        ),
        resources=(
            RT("结对帮扶{who}", "{unit}党员与{who}结对，定期走访并送去{obj}，可帮扶{q}{u}。",
               "户", 10, 50),
            RT("帮扶慰问专项资金", "{unit}每年安排{q}{u}用于慰问{who}。", "元", 10000, 80000,
               "online"),
        ),
        demand=1.0,
    ),
    "employment": CategorySpec(
        who=("失业人员", "高校毕业生", "退役军人", "残疾人", "全职妈妈"),
        obj=("岗位推荐", "技能培训", "创业指导", "直播带货培训"),
        needs=(
            NT("{who}{obj}", "{place}有{n}余名{who}有就业意愿，希望提供{obj}，约{q}{u}。",
               "人", 10, 80),
            NT("社区招聘会", "希望共建单位到社区举办招聘会，全年{q}{u}。", "场", 1, 4, True),
        ),
        resources=(
            RT("就业岗位{q}个定向推荐", "{unit}面向{who}提供岗位，可吸纳{q}{u}。", "人",
               5, 40, "at_unit"),
            RT("{obj}培训班", "{unit}为{who}开设{obj}培训班，全年可培训{q}{u}。", "人",
               20, 120),
            RT("进社区招聘会", "{unit}联合用工企业到社区举办招聘会，全年{q}{u}。", "场", 1, 6),
        ),
        demand=0.9,
    ),
    "environment": CategorySpec(
        who=("老旧小区", "背街小巷", "楼院", "城乡接合部"),
        obj=("垃圾清运", "楼道清理", "绿化补植", "垃圾分类宣传", "飞线整治"),
        needs=(
            NT("{place}{obj}", "{place}{who}卫生状况较差，需要集中开展{obj}，约{q}{u}。",
               "次", 4, 24),
            NT("{who}环境整治志愿者", "开展{obj}需要志愿者人力，约{q}{u}。", "小时", 40, 300),
        ),
        resources=(
            RT("党员志愿者{freq}{obj}", "{unit}组织党员{freq}到共建社区开展{obj}，全年约{q}{u}。",
               "小时", 60, 400),
            RT("{obj}专项行动", "{unit}出动车辆和人员协助开展{obj}，全年{q}{u}。", "次", 4, 20),
        ),
        demand=1.2,
    ),
    "property_management": CategorySpec(
        who=("无物业老旧小区", "弃管楼院", "开放式小区"),
        obj=("路灯维修", "化粪池清掏", "单元门更换", "楼道照明", "下水管道疏通"),
        needs=(
            NT("{place}{obj}", "{place}属于{who}，{obj}长期无人负责，需要共建单位协助解决，"
               "约{q}{u}。", "处", 2, 20),
            NT("{who}应急维修", "{who}水电暖问题多，希望有维修人员{freq}巡查，约{q}{u}。",
               "次", 6, 40),
        ),
        resources=(
            RT("红色物业托管服务", "{unit}可为{who}提供基础物业服务，负责{obj}等，"
               "可托管{q}{u}。", "处", 2, 10),
            RT("维修工{freq}巡修", "{unit}维修班组{freq}到共建小区巡修，开展{obj}，"
               "全年{q}{u}。", "次", 12, 60),
        ),
        demand=1.0,
    ),
    "public_safety": CategorySpec(
        who=("老旧楼院", "学校周边", "夜市周边", "独居老人家庭"),
        obj=("治安巡逻", "消防安全检查", "电动车充电隐患排查", "燃气安全检查"),
        needs=(
            NT("{who}{obj}", "{place}{who}存在安全隐患，需要定期开展{obj}，约{q}{u}。",
               "次", 6, 40),
            NT("平安志愿巡逻", "{place}需要志愿者{time}参加{obj}，全年约{q}{u}。", "小时",
               60, 400),
        ),
        resources=(
            RT("党员平安志愿队{obj}", "{unit}党员志愿者{time}参与社区{obj}，全年约{q}{u}。",
               "小时", 60, 400),
            RT("{obj}进社区", "{unit}专业人员到社区开展{obj}，全年{q}{u}。", "次", 6, 30),
        ),
        demand=1.0,
    ),
    "epidemic_prevention": CategorySpec(
        who=("重点人群", "老年人", "婴幼儿家庭"),
        obj=("疫苗接种宣传", "流感防治", "环境消杀", "健康宣教"),
        needs=(
            NT("{who}{obj}", "季节性传染病高发，希望为{who}开展{obj}，约需{q}{u}。", "小时",
               20, 120),
            NT("{obj}志愿者", "{place}开展{obj}需要志愿者{q}{u}。", "人", 5, 30),
        ),
        resources=(
            RT("医护志愿者{obj}", "{unit}医护人员为{who}开展{obj}，全年约{q}{u}。", "小时",
               40, 200),
            RT("应急志愿者储备", "{unit}可随时派出志愿者参与{obj}，共{q}{u}。", "人", 10, 60),
        ),
        demand=0.5,
    ),
    "community_education": CategorySpec(
        who=("社区居民", "老年大学学员", "新市民", "家长"),
        obj=("垃圾分类", "家庭教育", "防范电信诈骗", "健康养生", "家风家训"),
        needs=(
            NT("{obj}主题讲座", "{place}希望面向{who}开展{obj}主题讲座，全年{q}{u}。", "场",
               2, 12, True),
            NT("社区学校{obj}课程", "社区学校缺少{obj}方面的师资，希望共建单位{freq}"
               "授课一次，全年{q}{u}。", "场", 4, 24, True),
        ),
        resources=(
            RT("{obj}讲座进社区", "{unit}专家可为{who}开展{obj}讲座，全年{q}{u}。", "场", 4, 20),
            RT("{obj}线上课程", "{unit}录制{obj}系列线上课程，供{who}学习，全年{q}{u}。",
               "场", 6, 30, "online"),
        ),
        demand=0.9,
    ),
    "smartphone_training": CategorySpec(
        who=("老年人", "退休职工", "残疾人"),
        obj=("扫码支付", "网上挂号", "防范电信诈骗", "视频通话", "健康码与医保码"),
        needs=(
            NT("{who}智能手机使用培训", "{place}很多{who}不会{obj}，希望开展手机使用培训，"
               "全年{q}{u}。", "场", 2, 12, True),
            NT("{who}手机一对一辅导", "为{who}一对一辅导{obj}，约{q}{u}。", "人", 20, 100),
        ),
        resources=(
            RT("“数字助老”手机课堂", "{unit}青年党员教{who}{obj}，{freq}一次，全年{q}{u}。",
               "场", 4, 24),
            RT("手机使用线上微课", "{unit}制作{obj}教学短视频并在线答疑，全年{q}{u}。", "场",
               6, 30, "online"),
            RT("青年志愿者一对一辅导", "{unit}青年志愿者一对一教{who}{obj}，可服务{q}{u}。", "人",
               30, 150),
        ),
        demand=0.8,
    ),
    "culture_arts": CategorySpec(
        who=("社区居民", "老年文艺队", "青少年"),
        obj=("书法", "国画", "舞蹈", "声乐合唱", "豫剧", "剪纸"),
        needs=(
            NT("{who}{obj}培训", "{place}{who}希望学习{obj}，缺少老师，全年需要{q}{u}。", "场",
               6, 30),
            NT("社区文艺演出", "节假日希望举办文艺演出，需要节目和演员，约{q}{u}。", "场", 1, 6),
        ),
        resources=(
            RT("{obj}老师{freq}授课", "{unit}{obj}老师{freq}到社区授课，全年{q}{u}。", "场",
               6, 30),
            RT("文艺志愿者演出", "{unit}文艺队可到社区演出{obj}等节目，全年{q}{u}。", "场", 2, 8),
        ),
        demand=0.8,
    ),
    "party_lecture": CategorySpec(
        who=("社区党员", "离退休党员", "流动党员", "入党积极分子"),
        obj=("党的二十大精神", "党史学习", "基层治理", "廉洁文化", "红色家风"),
        needs=(
            NT("{obj}专题党课", "{place}党组织希望邀请专家为{who}讲授{obj}专题党课，"
               "全年{q}{u}。", "场", 2, 8, True),
            NT("{who}{obj}宣讲", "面向{who}开展{obj}宣讲，全年{q}{u}。", "场", 2, 6, True),
        ),
        resources=(
            RT("{obj}宣讲", "{unit}宣讲团可为{who}讲授{obj}，全年{q}{u}。", "场", 2, 12),
            RT("线上党课直播", "{unit}党组织邀请党校教师开设{obj}线上党课，全年{q}{u}。", "场",
               4, 24, "online"),
        ),
        demand=0.7,
    ),
    "reading_room": CategorySpec(
        who=("居民", "青少年", "老年读者"),
        obj=("图书漂流", "读书分享会", "绘本共读", "红色经典诵读"),
        needs=(
            NT("{place}建设党建书屋", "{place}缺少阅读空间，希望共建单位捐建书屋或图书角，"
               "约{q}{u}。", "处", 1, 2),
            NT("{obj}活动", "希望为{who}开展{obj}活动，全年{q}{u}。", "场", 4, 12),
        ),
        resources=(
            RT("捐建社区图书角", "{unit}可捐赠图书和书架，在社区建设图书角{q}{u}。", "处", 1, 3),
            RT("城市书房{obj}", "{unit}城市书房向{who}开放，{freq}举办{obj}，全年{q}{u}。",
               "场", 6, 24, "at_unit"),
        ),
        demand=0.5,
    ),
    "venue": CategorySpec(
        who=("社区党组织", "居民议事会", "老年协会", "文艺队"),
        obj=("党课", "居民议事", "文艺排练", "培训", "联席会议"),
        needs=(
            NT("借用一间能容纳{cap}人的会议室开展{obj}", "{place}活动室面积小，{who}开展{obj}"
               "缺少场地，希望{freq}借用一次，全年{q}{u}。", "次", 4, 24),
            NT("{who}固定活动室", "{who}开展活动缺少固定场所，希望共建单位提供{q}{u}活动室。", "间",
               1, 2),
        ),
        resources=(
            RT("{time}开放能容纳{cap}人的会议室", "{unit}{time}向社区开放会议室，可用于{obj}，"
               "全年约{q}{u}。", "次", 12, 52, "at_unit"),
            RT("闲置用房作社区活动室", "{unit}可将闲置用房{q}{u}无偿提供给社区使用。", "间",
               1, 3, "at_unit"),
            RT("多功能厅共享", "{unit}多功能厅{time}可供{who}开展{obj}，全年{q}{u}。", "次",
               6, 30, "at_unit"),
        ),
        demand=0.9,
    ),
    "materials": CategorySpec(
        who=("社区居委会", "困难家庭", "老年活动中心", "儿童之家"),
        obj=("桌椅", "空调", "电脑", "防汛物资", "健身器材", "轮椅"),
        needs=(
            NT("{who}{obj}", "{place}{who}缺少{obj}，希望共建单位捐赠，约{q}{u}。", "件", 5, 50),
        ),
        resources=(
            RT("捐赠{obj}", "{unit}可向共建社区捐赠{obj}，共{q}{u}。", "件", 10, 100),
            RT("闲置{obj}调剂", "{unit}整理闲置{obj}，可调剂{q}{u}给{who}。", "件", 5, 40),
        ),
        demand=0.8,
    ),
    "funds": CategorySpec(
        who=("社区", "党群服务中心", "老旧小区"),
        obj=("微更新", "活动经费", "设施改造", "阵地建设"),
        needs=(
            NT("{place}{obj}资金", "{place}{obj}缺少资金，预计需要{q}{u}。", "元", 5000, 80000),
        ),
        resources=(
            RT("共建专项资金", "{unit}每年安排{q}{u}共建资金，用于{who}{obj}。", "元",
               20000, 200000, "online"),
            RT("{obj}赞助", "{unit}可赞助{who}{obj}，金额{q}{u}。", "元", 5000, 50000, "online"),
        ),
        demand=0.7,
    ),
    "micro_wish": CategorySpec(
        who=("困境儿童", "孤寡老人", "困难党员", "留守儿童"),
        obj=("书包文具", "保暖衣物", "助听器", "学习台灯", "血压计"),
        needs=(
            NT("{who}微心愿", "{place}收集了{n}个{who}的微心愿，主要是{obj}等，共{q}{u}。", "个",
               5, 40),
        ),
        resources=(
            RT("认领{who}微心愿", "{unit}党员可认领{who}微心愿，送去{obj}等，共{q}{u}。", "个",
               10, 60),
        ),
        demand=0.8,
    ),
    "volunteering": CategorySpec(
        who=("党群服务中心", "新时代文明实践站", "网格服务站"),
        obj=("文明劝导", "交通疏导", "社区活动保障", "入户走访"),
        needs=(
            NT("{obj}志愿者", "{place}{who}开展{obj}需要志愿者，全年约{q}{u}。", "小时", 40, 300),
            NT("{obj}志愿服务队", "组建{obj}志愿服务队，需要{q}{u}。", "人", 5, 30),
        ),
        resources=(
            RT("在职党员志愿服务", "{unit}在职党员到{who}报到，参加{obj}，全年约{q}{u}。",
               "小时", 100, 600),
            RT("青年志愿者服务队", "{unit}青年志愿者{q}{u}可参加{obj}等活动。", "人", 5, 40),
        ),
        demand=1.0,
    ),
}

# Which categories each kind of unit tends to offer (weights; others get OFF_PROFILE).
UNIT_SUPPLY: dict[UnitKind, dict[str, float]] = {
    UnitKind.GOVERNMENT_AGENCY: {"party_lecture": 3, "legal_advice": 2, "dispute_mediation": 2,
                                 "public_safety": 2, "funds": 1.5, "volunteering": 3,
                                 "venue": 1.5, "environment": 1.5},
    UnitKind.PUBLIC_INSTITUTION: {"reading_room": 3, "culture_arts": 2.5,
                                  "community_education": 2.5, "venue": 2, "legal_advice": 1,
                                  "party_lecture": 1.5, "volunteering": 2},
    UnitKind.SCHOOL: {"child_education": 4, "community_education": 2, "sports_leisure": 2.5,
                      "venue": 2, "culture_arts": 2, "psychological": 1, "volunteering": 1.5},
    UnitKind.HOSPITAL: {"home_medical": 5, "nursing": 2, "psychological": 1.5,
                        "epidemic_prevention": 2.5, "elderly_care": 1},
    UnitKind.STATE_OWNED: {"volunteering": 3, "funds": 2, "materials": 2, "venue": 2,
                           "employment": 2, "environment": 2, "sports_leisure": 1.5,
                           "elderly_care": 1.5, "hardship_assistance": 1.5,
                           "property_management": 1},
    UnitKind.PRIVATE_ENTERPRISE: {"funds": 2, "materials": 2.5, "employment": 2,
                                  "micro_wish": 2, "hardship_assistance": 1.5,
                                  "volunteering": 1},
    UnitKind.SOCIAL_ORGANIZATION: {"elderly_care": 3, "psychological": 2,
                                   "hardship_assistance": 2, "child_education": 2,
                                   "volunteering": 2, "micro_wish": 1.5,
                                   "dispute_mediation": 1.5, "legal_advice": 1.5},
    UnitKind.INTERNET_COMPANY: {"smartphone_training": 5, "community_education": 2,
                                "delivery": 2, "employment": 2, "micro_wish": 1},
    UnitKind.PROPERTY_COMPANY: {"property_management": 5, "environment": 3,
                                "public_safety": 2, "housekeeping": 1.5, "tailoring": 1},
}

# What each community type asks for more (multipliers on the category's demand).
COMMUNITY_FOCUS: dict[CommunityType, dict[str, float]] = {
    CommunityType.OLD: {"environment": 2, "property_management": 2.5, "public_safety": 1.8,
                        "elderly_care": 1.5, "home_medical": 1.3},
    CommunityType.COMMODITY: {"culture_arts": 1.8, "sports_leisure": 1.8,
                              "child_education": 1.8, "dispute_mediation": 1.5,
                              "property_management": 1.3, "community_education": 1.3},
    CommunityType.UNIT_BASED: {"elderly_care": 2, "home_medical": 1.8, "nursing": 1.8,
                               "volunteering": 1.5, "smartphone_training": 1.5},
    CommunityType.VILLAGE_TO_RESIDENCE: {"employment": 2.2, "legal_advice": 1.8,
                                         "dispute_mediation": 2, "hardship_assistance": 1.8,
                                         "environment": 1.6, "party_lecture": 1.5},
}

OFF_PROFILE = 0.06
FREQ = ("每周", "每月", "每两周", "每季度")
# times a year, to make a frequency agree with a yearly count of 次 or 场
PER_YEAR = {"每周": 52, "每两周": 26, "每月": 12, "每季度": 4}
TIMES = ("周末", "工作日晚间", "每周三下午", "节假日", "周六上午")
CN_COUNT = ("两", "三", "四", "五")
HEADCOUNTS = (10, 15, 20, 30, 40, 50, 60, 80, 100)
CAPACITIES = (30, 40, 50, 60, 80, 100, 120, 150, 200)

SURNAMES = tuple("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭"
                 "吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱"
                 "秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = tuple("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国红梅春燕志宏斌"
              "文亮晓莉海波宁欣怡浩然子涵一鸣雪琴凤云峰德成俊鑫丹颖晨阳振东卫民淑珍永福")

# Parts of invented names.
BRAND_CHARS = tuple("恒达华信宏远鼎盛瑞丰博金天润嘉禾永安诚智联隆兴源泰和鑫德昌顺通汇中佳福泽")
TRADES = ("机械制造", "轴承", "耐火材料", "新材料", "电子科技", "建筑工程", "商贸", "餐饮管理",
          "汽车服务", "医药连锁", "食品", "装饰工程", "环保科技", "文化传媒", "教育咨询",
          "家政服务", "美容美发", "快递服务", "超市", "便民服务", "养老服务")
# A private enterprise of these trades offers the matching service (and few others do).
TRADE_SERVICES = {"家政服务": "housekeeping", "美容美发": "hairdressing", "快递服务": "delivery",
                  "便民服务": "tailoring", "养老服务": "elderly_care", "医药连锁": "home_medical",
                  "餐饮管理": "elderly_care", "教育咨询": "child_education",
                  "文化传媒": "culture_arts", "装饰工程": "property_management",
                  "环保科技": "environment"}
# services that only a unit of the trade (or a unit made for it) would offer
TRADE_ONLY = frozenset({"housekeeping", "hairdressing", "delivery", "tailoring"})
BUREAUS = ("市场监督管理局", "司法局", "人力资源和社会保障局", "城市管理局", "住房和城乡建设局",
           "民政局", "卫生健康委员会", "教育局", "退役军人事务局", "应急管理局", "文化广电和旅游局",
           "财政局", "统计局", "医疗保障局", "审计局", "科学技术和工业信息化局", "商务局",
           "发展和改革委员会", "人民法院", "人民检察院")
STREET_OFFICES = ("派出所", "司法所", "市场监管所", "税务分局", "交警中队")
INSTITUTIONS = ("文化馆", "图书馆", "疾病预防控制中心", "社会福利中心", "青少年活动中心",
                "老年大学", "科技馆", "档案馆", "融媒体中心", "公共就业服务中心",
                "综合行政执法大队")
SPECIALTIES = ("口腔", "眼科", "骨科", "妇幼保健", "中医", "康复", "精神卫生")
SOCIAL_KINDS = ("志愿者协会", "社会工作服务中心", "老年人协会", "慈善会", "公益服务中心",
                "律师协会", "心理咨询师协会", "红十字会", "家庭教育指导中心", "书画院")
ROADS = ("景华路", "联盟路", "中州西路", "青岛路", "辽宁路", "太原路", "西苑路", "嵩山路",
         "华山路", "衡山路", "蓬莱路", "丽新路", "延安路", "九都西路", "凯旋西路", "南昌路",
         "长春路", "珠江路",
         "天津路", "武汉路", "湖北路", "郑州路", "重庆路", "长安路", "周山路", "建设路", "涧河路",
         "孙辛路", "银川路", "上海路", "徐家营路", "龙鳞路", "纱厂西路", "王城大道")
COMPOUND_PREFIX = ("建业", "锦绣", "华府", "阳光", "幸福", "和谐", "金色", "翠湖", "颐和", "紫荆",
                   "春晖", "明珠", "桂园", "枫林", "兰亭", "怡馨", "泰和", "瑞景", "嘉园", "东方")
COMPOUND_SUFFIX = ("小区", "家园", "花园", "苑", "家属院", "公寓")
# syllables of invented place names (synthetic streets, communities, districts, roads)
PLACE_CHARS = tuple("兴华新安宁康泰和平丰裕景明翠柳桃李枫杨槐松青龙凤鸣紫金银河东南西北文昌德"
                    "润泽民乐春秋长永福瑞祥宝山川源盛")
PLACE_SUFFIX_COMMUNITY = ("", "", "", "", "花园", "新村", "庄", "寨", "苑", "里", "湾")

# Keywords that make a community's type plausible (real 涧西区 names).
FACTORY_WORDS = ("七二五", "洛铜", "六冶", "电厂", "洛耐", "石化", "厂前", "厂北", "洛外", "理工")
VILLAGE_WORDS = ("村", "屯", "寨", "沟", "营", "所", "庄", "坡", "井头", "湾")
COMMODITY_WORDS = ("花园", "绿城", "华阳", "新境", "花城", "中央广场", "香港城", "世纪", "高新",
                   "丽新", "苑")

"""T7 (青禾): a tuning district of the labelled match-quality set, written blind.

青禾街道 is a new district at the city's edge: high-rise estates of young families
(禾苗新城), a village turned residence with its resettlement blocks (老窑村), dormitories
of a logistics park full of migrant workers (物流园), an older estate (东坝) and a tea
village in the hills 28 km away (茶山). Written, labels included, by a helper who never
read how the matcher decides; the line format is the one of :mod:`matching.quality_set`.
"""


from __future__ import annotations

# community id -> (name, (x, y) km east/north of the street office, weak community)
COMMUNITIES_T7: dict[str, tuple[str, tuple[float, float], bool]] = {
    "C-Q1": ("青禾", (0.0, 0.0), False),
    "C-Q2": ("禾苗新城", (1.4, 0.6), False),
    "C-Q3": ("老窑村", (0.7, 1.9), True),
    "C-Q4": ("物流园", (2.1, -0.8), True),
    "C-Q5": ("茶山", (26.0, -12.0), False),
    "C-Q6": ("东坝", (-1.4, 1.2), False),
}

# (unit, community) registered with each other (双报到)
REGISTRATIONS_T7: tuple[tuple[str, str], ...] = (
    ("U-QXX", "C-Q2"), ("U-QYY", "C-Q3"), ("U-QWL", "C-Q4"), ("U-QYH", "C-Q1"))

RESOURCES_T7 = """
QR01|U-QYY|home_medical|次|6|1.0,0.5|4|onsite||||二院医护进社区|每月第二个周六上午，内科、骨科大夫各一名到社区坐诊，量血压测血糖，开不了处方药
QR02|U-QWS|home_medical|次|10|0.2,0.1|3|onsite|||只上门给签约的慢病老人|站里家庭医生上门|签了约的高血压、糖尿病老人，家庭医生每周三下午上门随访、调药，没签约的不上门
QR03|U-QYY|nursing|小时|12|1.0,0.5|4|onsite||||术后康复护士上门|康复科护士上门换药、拆线，教家属给偏瘫病人做康复、练走路
QR04|U-QXX|child_education|小时|20|1.5,0.8|3|at_unit|||只接本校学生|实验小学课后延时服务|放学后留在学校写作业，老师看到下午六点，只收本校一至六年级
QR05|U-QZX|child_education|小时|10|0.9,1.5|3|onsite||community_education||中学生志愿者辅导|青禾中学团员每周六上午到社区给小学生讲题、陪读，初中的题讲不了
QR06|U-QTS|reading_room|场|4|1.2,1.2|3|at_unit|30|child_education||图书馆分馆亲子绘本会|每周日上午十点绘本共读，三到八岁，家长陪同，三十个座位
QR07|U-QTS|venue|场地|2|1.2,1.2|3|at_unit|12||只在工作日晚上|图书馆研讨间|二楼小研讨间，一张长桌坐十二人，工作日晚上七点到九点可预约
QR08|U-QYH|smartphone_training|场|3|0.3,0.2|3|onsite||||银行网点防诈骗和手机支付课|大堂经理到社区教老年人用手机付款、认电信诈骗，可以一对一
QR09|U-QYH|funds|元|20000|0.3,0.2|5|online|||只用于困难学生助学|农商行助学金|两万元，只用于辖区低保、低边家庭在读学生的学费书本费，不做其他用途
QR10|U-QLS|legal_advice|次|12|0.5,0.6|4|onsite||dispute_mediation||律所一居一顾问|每周四下午律师轮流在社区值班，婚姻家庭、劳动工资、房屋租赁都能问，能帮写诉状，不代理打官司
QR11|U-QLS|legal_advice|次|20|0.5,0.6|50|online|||只线上答复|律所微信公众号在线咨询|留言后两个工作日内律师文字回复，不见面、不代理出庭
QR12|U-QSG|psychological|次|8|0.1,1.0|3|onsite|||不接精神障碍患者|社工站心理疏导|持证社工上门或约在站里谈心，针对丧偶、失业、亲子冲突，精神障碍患者请去医院
QR13|U-QSG|elderly_care|小时|40|0.1,1.0|3|onsite||volunteering||社工站邻里守望|组织低龄老人、宝妈志愿者每天给独居老人打电话、敲门，陪聊、代买菜
QR14|U-QXF|public_safety|场|4|0.8,-0.3|4|onsite||||消防站进社区|消防员上门查电动车充电、楼道堆物，教用灭火器，可以搞疏散演练
QR15|U-QWY|property_management|次|10|1.3,0.5|1|onsite|||限禾苗新城小区|物业维修班|水电小修、换灯泡、通下水，只管本公司服务的禾苗新城小区
QR16|U-QJJ|funds|元|50000|5.0,5.0|50|online|||只用于加装电梯补贴|安居公益基金|五万元，只能用于老旧楼加装电梯的居民自筹部分补贴，别的不批
QR17|U-QKJ|smartphone_training|场|20|1.8,0.2|50|online|||只线上|科技公司线上课堂|直播教视频剪辑、短视频带货、办公软件，报名发链接
QR18|U-QWL|employment|人|30|2.2,-0.9|4|at_unit|||只招18到45岁|顺达物流招工|分拣、装卸、快递员岗位长期招，18到45周岁，包住，计件工资
QR19|U-QWL|venue|场地|1|2.2,-0.9|3|at_unit|200||只在周日|物流园职工之家大礼堂|两百个座位，带投影音响，只在周日借，平时车间三班倒
QR20|U-QCY|elderly_care|次|60|0.6,0.3|2|at_unit|||只供七十岁以上本街道户籍|长者食堂助餐|中午十一点开饭，七十岁以上本街道户籍老人一餐八元，可以打包，不送餐
QR21|U-QJZ|housekeeping|小时|15|1.6,1.3|3|onsite||||家政公司公益保洁|每月帮困难户、独居老人做两小时大扫除、擦窗、清油烟机
QR22|U-QLF|hairdressing|次|30|0.4,0.9|2|onsite||||理发店义剪|每月最后一个周一店休，师傅到社区或上门给老人、残疾人免费理发
QR23|U-QRS|employment|场|4|0.0,0.2|4|onsite||community_education||人社所技能培训|开育婴员、养老护理员、电工培训班，考证有补贴，一期二十人
QR24|U-QTW|psychological|次|30|3.0,3.0|50|online|||仅限14到28岁|青年心理热线|晚上七点到十一点电话接听，只接十四到二十八岁，不上门
QR25|U-QSF|dispute_mediation|次|8|0.3,0.5|4|onsite||legal_advice||司法所人民调解|调解员上门调邻里、婚姻家庭、物业费纠纷，能出调解协议
QR26|U-QPC|public_safety|小时|20|0.7,0.4|4|onsite||||派出所警民联防巡逻|晚上八点到十点民警带平安志愿者在小区巡逻，盯电动车被盗
QR27|U-QDX|smartphone_training|场|4|1.1,0.1|3|onsite||||电信营业厅智能手机课|营业员到社区教老人微信视频、挂号、打车、医保码
QR28|U-QCW|home_medical|次|6|26.5,-12.3|3|onsite||||茶山卫生院巡诊|卫生院医生每周一到各村组巡诊，量血压、送常用药
QR29|U-QCZ|materials|件|100|26.2,-11.8|2|onsite||hardship_assistance||茶厂捐赠物资|茶厂年底捐米面油一百份给困难户
QR30|U-QDB|sports_leisure|场|8|-1.4,1.3|1|at_unit|40|||东坝体育公园篮球场|篮球场和乒乓球台免费开放，周末可以组织比赛
QR31|U-QMS|culture_arts|场|6|-3.5,4.0|1|onsite||||书法家协会送春联|协会会员每年腊月写春联、教毛笔字
QR32|U-QKD|delivery|次|50|2.0,-0.7|3|onsite||||快递驿站代送|驿站小哥顺路给行动不便的老人把快递、药送上楼
QR33|U-QJD|venue|场地|3|0.0,0.0|3|at_unit|80|party_lecture||街道党群服务中心多功能厅|八十个座位，工作日和周末白天都能约，带电子屏
QR34|U-QJD|party_lecture|场|6|0.0,0.0|4|onsite||||街道党校宣讲团|讲党的二十大精神、身边榜样，可以到支部讲
QR35|U-QSG|hardship_assistance|次|10|0.1,1.0|3|onsite||||社工站困难家庭个案帮扶|链接低保、临时救助、慈善资源，一户一案跟进
QR36|U-QCS|funds|元|30000|1.5,0.5|5|online|||只用于楼道照明和监控|商会平安专项|三万元，只用于小区楼道灯、监控探头的安装维修
QR37|U-QHB|environment|小时|30|2.5,0.5|3|onsite||volunteering||环保公司垃圾分类督导|工作人员早晚在垃圾房边上指导分类，帮着清理大件垃圾
QR38|U-QYY|epidemic_prevention|场|3|1.0,0.5|4|onsite||||二院公卫科防病指导|讲流感、手足口病怎么防，给托育点、学校做消毒指导
QR39|U-QXL|psychological|次|10|8.0,6.0|50|online|||只线上视频|心理咨询公司线上咨询|视频心理咨询，每人每次五十分钟，不上门
QR40|U-QZX|venue|场地|1|0.9,1.5|3|at_unit|400||只在寒暑假|青禾中学操场和体育馆|寒暑假对外开放，能办运动会、大型活动
QR41|U-QFL|community_education|场|4|1.7,1.1|3|onsite||child_education||妇联家庭教育讲座|家庭教育指导师讲怎么跟青春期孩子沟通、隔代教育
QR42|U-QGH|hardship_assistance|元|10000|0.5,0.0|5|online|||只限工会会员|总工会困难职工帮扶|工会会员家里遭遇大病、意外可申请一次性补助，非会员不受理
QR43|U-QYK|home_medical|次|4|1.4,0.4|3|onsite|||仅口腔检查|牙科诊所进社区查牙|查牙、讲刷牙、涂氟，只检查不拔牙不补牙
QR44|U-QFR|tailoring|次|20|1.0,1.9|2|onsite||housekeeping||老窑村缝补修鞋摊|阿姨每周二、五在村口缝裤边、换拉链、修伞修鞋
QR45|U-QYH|micro_wish|件|20|0.3,0.2|5|onsite||materials||银行党支部认领微心愿|党员每人认领一个，三百元以内的小物件，比如书包、台灯、老花镜
QR46|U-QKJ|materials|件|15|1.8,0.2|5|onsite||||科技公司旧电脑捐赠|淘汰下来的台式机十五台，能上网课、打字
"""

NEEDS_T7 = """
QN01|C-Q3|home_medical|次|2|2|||村里老人头晕也不当回事|好多老头老太一年到头不去看病，上次有个倒在田埂上才送去医院|QR01|QR43 QR28
QN02|C-Q1|home_medical|次|1|3|||楼上王奶奶糖尿病，腿肿得下不了楼|签了家庭医生的，儿子在深圳，药快没了|QR02|QR01
QN03|C-Q2|nursing|小时|6|3|||我爸做完手术回家伤口要天天弄|刀口在肚子上，医院说两天换一次药，我们不会搞|QR03|QR02
QN04|C-Q2|child_education|小时|30|2|||三点半放学没人接|小区双职工太多了，娃都在禾苗小学读一二年级，放学就在楼下瞎晃，有的自己挂着钥匙开门|QR04|QR05 QR06
QN05|C-Q4|child_education|小时|20|2|||宿舍区的小孩暑假没地方去|爸妈都在分拣线上两班倒，七八岁的孩子关在出租屋里刷一天手机，作业一个字没动|QR05|QR04
QN06|C-Q2|child_education|小时|4|1|||周末娃在家只晓得玩平板|四五岁了，想带他多接触书|QR06|QR05
QN07|C-Q1|child_education|小时|6|2|||初三孩子物理化学跟不上|单亲妈妈，请不起家教，孩子自己急得哭||QR05 QR04
QN08|C-Q3|smartphone_training|场|2|1|||老人不会在网上挂号|村改居以后好多事都要在手机上弄，老年人急得很|QR27|QR17 QR08
QN09|C-Q1|smartphone_training|场|1|2|||前两天又有个阿姨被骗了八千|接到说是公检法的电话，让她转到安全账户，楼里老头老太都吓到了|QR08|QR27
QN10|C-Q4|legal_advice|次|3|3|||老板跑路了，三十来个工人两个月工钱没拿到|都是外地来的，在物流园边上一个小加工厂干活，现在厂门锁了，人找不到|QR10|QR11 QR25
QN11|C-Q6|legal_advice|次|1|2||是|房东不退押金|合同到期搬走了，房东说墙脏了扣三千，微信上问问律师就行|QR11 QR10|
QN12|C-Q2|dispute_mediation|次|2|2|||楼上天天半夜蹦迪|楼下老两口报了几次警，都没用，两家见面就吵|QR25|QR26
QN13|C-Q3|dispute_mediation|次|1|3|||拆迁款兄弟几个分不拢|老大说要按人头，老二说要按户口，都快动刀子了|QR25 QR10|QR11
QN14|C-Q6|psychological|次|2|3|||老李老婆走了以后天天喝酒|一个人在家不出门，邻居说听到他在屋里哭|QR12|QR24 QR39
QN15|C-Q2|psychological|次|1|3||是|高二女生割手腕被妈妈发现了|孩子不肯出门，妈妈想先让人跟她手机上聊聊|QR24 QR39|
QN16|C-Q4|psychological|次|3|2|||分拣线上几个小年轻说不想活了|天天上夜班，工资又被扣，喝多了在群里发些丧气话|QR12|
QN17|C-Q5|home_medical|次|4|2|||茶山上的老人看个病要下山转两趟车|村里就剩老人，腿脚不好|QR28|QR01 QR02
QN18|C-Q5|hardship_assistance|件|20|2|||山上几户五保老人过冬难|房子漏风，被子薄，米缸快见底了|QR29|QR35 QR21
QN19|C-Q5|legal_advice|次|1|2||是|林地承包合同到期村里要收回|老周家种了二十年的茶，不晓得能不能续，想手机上问问|QR11|QR10
QN20|C-Q5|smartphone_training|场|1|1|||老年人想学用手机跟外地儿女视频|村里信号倒是有了，就是不会弄||QR27 QR17
QN21|C-Q1|elderly_care|次|15|2|||楼里十几个七老八十的孤老晌午饭凑合|有的一碗泡面吃一天，子女都在外地|QR20|QR13
QN22|C-Q4|elderly_care|次|8|2|||宿舍区有几个随子女来带孙子的老人，中饭没着落|六十出头，户口在老家||QR20
QN23|C-Q6|elderly_care|小时|20|2|||一个人住的老爷子老太太怕摔了没人晓得|上个月三栋有个爷爷在厕所摔了，两天后才被发现|QR13|QR20 QR26
QN24|C-Q2|nursing|小时|10|3|||婆婆中风半边动不了|出院回来了，我们白天上班，不晓得怎么帮她练|QR03|QR21 QR13
QN25|C-Q3|housekeeping|小时|6|1|||五保户老刘家里脏得下不去脚|眼睛不好，屋里堆满了捡来的瓶子纸壳|QR21|QR37
QN26|C-Q6|hairdressing|次|10|1|||坐轮椅的几位老爷子头发好长了|推出去剪不方便|QR22|
QN27|C-Q3|tailoring|次|5|1|||冬天的棉袄拉链坏了|老人舍不得扔|QR44|QR21
QN28|C-Q6|tailoring|次|3|1|||裤子长了要改|老年舞蹈队演出服一人一套，裤腿都长了一截||QR44
QN29|C-Q4|employment|人|15|2|||厂子倒了十几个大姐没活干|四五十岁，带着孩子在这边上学，想找个离家近的工作|QR23|QR18
QN30|C-Q2|employment|人|3|1|||几个全职宝妈想在家附近找点事做|孩子上幼儿园了，白天有空|QR23|
QN31|C-Q1|employment|人|2|2|||小伙子刚毕业在家躺了半年|爸妈急，人也不爱出门|QR18 QR23|
QN32|C-Q4|public_safety|场|3|3|||宿舍楼道里停满电瓶车，晚上拉线充电|上个礼拜隔壁园区烧了一间，吓死人|QR14|QR26 QR36
QN33|C-Q2|public_safety|小时|10|2|||地下车库老是丢电瓶|一个月丢了七八块，业主群里天天骂|QR26 QR36|QR15
QN34|C-Q3|property_management|次|4|2|||安置楼的楼道灯坏了一大半|晚上黑灯瞎火的，老人不敢出门|QR36|QR15
QN35|C-Q6|property_management|次|6|2|||老楼没电梯，八楼的老人一年下不了几次楼|好几户想凑钱装电梯，差的钱凑不齐|QR16|
QN36|C-Q6|funds|元|8000|2|||楼顶防水坏了，顶楼几户屋里漏水|维修基金申请不下来，大家想先凑一部分||QR16 QR36
QN37|C-Q1|hardship_assistance|元|5000|3|||小区一个外卖小哥出车祸腿断了|老婆没工作，两个小孩，医药费欠着|QR35|QR42 QR09
QN38|C-Q3|hardship_assistance|元|3000|2|||低保户家的闺女考上高中了，学费书本费拿不出来|爹瘫在床上，娘打零工|QR09|QR42
QN39|C-Q4|hardship_assistance|元|2000|3|||物流公司一个老职工查出癌症|工会会员，干了十几年，家里就靠他|QR42 QR35|QR09
QN40|C-Q2|micro_wish|件|5|1|||几个留守的小朋友想要新书包|爸妈在外面打工，爷爷奶奶带|QR45|QR29
QN41|C-Q3|culture_arts|场|1|1|||过年想给村里写春联|以前村里有个老先生写，去年走了||QR31
QN42|C-Q6|sports_leisure|场|2|1|||小区年轻人想约球|有十来个人，国庆前后想打一场，没场子|QR30|QR40
QN43|C-Q2|sports_leisure|场|1|1|||想搞个全小区运动会|一千多户，估计来三四百人，想在五一搞||QR40 QR30 QR19
QN44|C-Q1|party_lecture|场|1|1|||支部想请人来讲讲二十大|党员大多是退休的，想讲得接地气一点|QR34|QR33
QN45|C-Q4|venue|场地|1|2|||流动党员想开个会，三十来人|都在园区上班，礼拜天才有空|QR19 QR33|QR07
QN46|C-Q2|venue|场地|1|1|||业委会要开个小会，七八个人|周二夜里，小区里没会议室|QR07|QR19
QN47|C-Q6|venue|场地|1|2|||老年大学结业汇报演出|一百五十来人，想在周六上午||QR33 QR19
QN48|C-Q1|reading_room|场|2|1|||小区里的小朋友周末没书看|附近没有书店|QR06|
QN49|C-Q4|community_education|场|2|2|||宿舍区好多家长跟青春期的孩子说不上话|孩子十三四岁从老家接过来，一开口就吵|QR41|QR24
QN50|C-Q3|environment|小时|20|2|||安置楼下面垃圾乱丢|老人习惯了往楼下一扔，臭得很|QR37|QR15
QN51|C-Q2|property_management|次|3|1|||卫生间下水堵了，厨房水龙头滴水|物业说排队|QR15|
QN52|C-Q1|delivery|次|10|1|||腿脚不便的老人买的药送不上楼|快递都放驿站，老人要走一里多路去拿|QR32|
QN53|C-Q6|delivery|次|5|1|||六楼的老太太网上买的米扛不上去|儿子一个月回来一次||QR32
QN54|C-Q4|epidemic_prevention|场|1|2|||托育点好几个娃发烧起疱疹|家长慌了，托育点老板问要不要停|QR38|QR01
QN55|C-Q2|materials|件|10|1|||社区四点半课堂缺电脑|孩子们想上网课学编程|QR46|QR17
QN56|C-Q3|funds|元|20000|2|||村里想修个老年活动室|原来的仓库屋顶塌了||QR16 QR36 QR09
QN57|C-Q1|home_medical|次|1|2|||孩子牙疼半边脸都肿了|六岁，晚上疼得睡不着||QR43 QR01
QN58|C-Q6|psychological|次|1|2|||退休的老张总怀疑有人要害他|晚上不睡觉，说楼上装了窃听器，老伴吓坏了||QR12 QR39
QN59|C-Q4|legal_advice|次|1|2|||干活摔断了手，老板不给算工伤|没签合同，工头说给两千了事|QR10|
QN60|C-Q2|child_education|小时|2|2|||我家老二有孤独症，幼儿园不收|想找个懂的老师一对一带||QR06 QR05
QN61|C-Q1|elderly_care|次|1|1|||九十岁的老太太想理个发|不好出门，闺女说一直是她在家给剪，现在手抖剪不了|QR22|QR21
QN62|C-Q3|employment|人|10|2|||村里失地的中年男人天天打牌|五十好几，没技术，打零工也没人要|QR23|QR18
QN63|C-Q6|smartphone_training|场|1|1|||跳广场舞的阿姨们想把视频发出去|想学拍抖音，手机都会用|QR17|QR27
QN64|C-Q4|hardship_assistance|件|1|3|||出租屋着火了一家五口啥都没了|被子衣服锅碗都烧光了，暂时住在老乡那|QR35|QR29 QR42
QN65|C-Q1|legal_advice|次|1|2|||想请律师帮忙打官司，出庭那种|跟开发商扯了五年，房子漏水没人管||QR10 QR11
"""

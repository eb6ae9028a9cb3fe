-- Demo data for the local run and the tests: the 青溪县 pool of 三官三师 and people's mediators, M001…M036.
-- Phone numbers and e-mail addresses are made up.
-- Runs everywhere, loads only where quarkus.flyway.placeholders.demo_data is true: the local run and the tests.
do $$
begin
  if '${demo_data}' = 'true' then
    insert into mediator (id, name, role, area_code, organization, phone, email, languages, expertise, capacity, rating, active, created_at, updated_at) values
        ('M001', '王建国', 'PEOPLE_MEDIATOR', '330999', '青溪县人民调解委员会', '13905710001', 'm001@mediators.tiaojie.example', 'zh-CN', 'LAND_ACQUISITION,VILLAGE_AFFAIRS,OTHER', 6, 4.8, true, now(), now()),
        ('M002', '李秀英', 'PEOPLE_MEDIATOR', '330999', '青溪县婚姻家庭纠纷人民调解委员会', '13905710002', 'm002@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY', 6, 4.7, true, now(), now()),
        ('M003', '陈志强', 'PEOPLE_MEDIATOR', '330999101', '城关镇人民调解委员会', '13905710003', 'm003@mediators.tiaojie.example', 'zh-CN', 'NEIGHBOUR,PROPERTY_MANAGEMENT,CONSUMER', 5, 4.5, true, now(), now()),
        ('M004', '刘桂兰', 'PEOPLE_MEDIATOR', '330999101001', '城东社区人民调解委员会', '13905710004', 'm004@mediators.tiaojie.example', 'zh-CN', 'NEIGHBOUR,MARRIAGE_FAMILY', 4, 4.6, true, now(), now()),
        ('M005', '张明华', 'PEOPLE_MEDIATOR', '330999101002', '城西社区人民调解委员会', '13905710005', 'm005@mediators.tiaojie.example', 'zh-CN', 'NEIGHBOUR,PROPERTY_MANAGEMENT', 4, 4.3, true, now(), now()),
        ('M006', '杨德胜', 'PEOPLE_MEDIATOR', '330999102', '白溪镇人民调解委员会', '13905710006', 'm006@mediators.tiaojie.example', 'zh-CN', 'LABOUR,LAND_FOREST,HOUSING_HOMESTEAD', 5, 4.6, true, now(), now()),
        ('M007', '赵春梅', 'PEOPLE_MEDIATOR', '330999102001', '溪东村人民调解委员会', '13905710007', 'm007@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY,NEIGHBOUR', 4, 4.4, true, now(), now()),
        ('M008', '黄永福', 'PEOPLE_MEDIATOR', '330999102002', '溪西村人民调解委员会', '13905710008', 'm008@mediators.tiaojie.example', 'zh-CN', 'LAND_FOREST,NEIGHBOUR', 4, 4.2, true, now(), now()),
        ('M009', '周玉珍', 'PEOPLE_MEDIATOR', '330999102003', '白溪村人民调解委员会', '13905710009', 'm009@mediators.tiaojie.example', 'zh-CN', 'NEIGHBOUR,FISHERY_MARITIME', 4, 4.5, true, now(), now()),
        ('M010', '吴海生', 'PEOPLE_MEDIATOR', '330999103', '石门乡人民调解委员会', '13905710010', 'm010@mediators.tiaojie.example', 'zh-CN', 'LAND_FOREST,FISHERY_MARITIME,HOUSING_HOMESTEAD', 5, 4.4, true, now(), now()),
        ('M011', '徐金凤', 'PEOPLE_MEDIATOR', '330999103001', '石门村人民调解委员会', '13905710011', 'm011@mediators.tiaojie.example', 'zh-CN', 'NEIGHBOUR,MARRIAGE_FAMILY', 4, 4.3, true, now(), now()),
        ('M012', '孙国平', 'PEOPLE_MEDIATOR', '330999', '青溪县医疗纠纷人民调解委员会', '13905710012', 'm012@mediators.tiaojie.example', 'zh-CN', 'MEDICAL,ROAD_TRAFFIC', 6, 4.7, true, now(), now()),
        ('M013', '马丽', 'LAWYER', '330999', '浙江青溪律师事务所', '13905710013', 'm013@mediators.tiaojie.example', 'zh-CN,en', 'LABOUR,CONTRACT_DEBT', 5, 4.6, true, now(), now()),
        ('M014', '朱晓东', 'LAWYER', '330999', '青溪明理律师事务所', '13905710014', 'm014@mediators.tiaojie.example', 'zh-CN', 'HOUSING_HOMESTEAD,LAND_ACQUISITION,LAND_FOREST', 5, 4.5, true, now(), now()),
        ('M015', '胡静', 'LAWYER', '330999', '浙江青溪律师事务所', '13905710015', 'm015@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY,CONSUMER', 5, 4.4, true, now(), now()),
        ('M016', '郭伟', 'LAWYER', '330999102', '白溪镇公共法律服务工作站', '13905710016', 'm016@mediators.tiaojie.example', 'zh-CN', 'LABOUR,FISHERY_MARITIME', 4, 4.5, true, now(), now()),
        ('M017', '林晓燕', 'LAWYER', '330999101', '城关镇公共法律服务工作站', '13905710017', 'm017@mediators.tiaojie.example', 'zh-CN', 'PROPERTY_MANAGEMENT,CONSUMER,CONTRACT_DEBT', 4, 4.3, true, now(), now()),
        ('M018', '何建军', 'LAWYER', '330999', '青溪明理律师事务所', '13905710018', 'm018@mediators.tiaojie.example', 'zh-CN', 'ROAD_TRAFFIC,MEDICAL,PERSONAL_INJURY_PROPERTY', 5, 4.6, true, now(), now()),
        ('M019', '高峰', 'POLICE_OFFICER', '330999', '青溪县公安局交通警察大队', '13905710019', 'm019@mediators.tiaojie.example', 'zh-CN', 'ROAD_TRAFFIC', 5, 4.5, true, now(), now()),
        ('M020', '罗军', 'POLICE_OFFICER', '330999101', '青溪县公安局城关派出所', '13905710020', 'm020@mediators.tiaojie.example', 'zh-CN', 'NEIGHBOUR,PERSONAL_INJURY_PROPERTY', 4, 4.4, true, now(), now()),
        ('M021', '梁勇', 'POLICE_OFFICER', '330999102', '青溪县公安局白溪派出所', '13905710021', 'm021@mediators.tiaojie.example', 'zh-CN', 'NEIGHBOUR,PERSONAL_INJURY_PROPERTY,FISHERY_MARITIME', 4, 4.3, true, now(), now()),
        ('M022', '宋涛', 'POLICE_OFFICER', '330999103', '青溪县公安局石门派出所', '13905710022', 'm022@mediators.tiaojie.example', 'zh-CN', 'PERSONAL_INJURY_PROPERTY', 4, 4.2, true, now(), now()),
        ('M023', '郑文', 'JUDGE', '330999', '青溪县人民法院', '13905710023', 'm023@mediators.tiaojie.example', 'zh-CN', 'CONTRACT_DEBT,MARRIAGE_FAMILY', 4, 4.8, true, now(), now()),
        ('M024', '谢红', 'JUDGE', '330999102', '青溪县人民法院白溪人民法庭', '13905710024', 'm024@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY,LAND_FOREST,CONTRACT_DEBT', 4, 4.7, true, now(), now()),
        ('M025', '韩磊', 'JUDGE', '330999', '青溪县人民法院', '13905710025', 'm025@mediators.tiaojie.example', 'zh-CN', 'ROAD_TRAFFIC,MEDICAL,LABOUR', 4, 4.6, true, now(), now()),
        ('M026', '唐敏', 'PROSECUTOR', '330999', '青溪县人民检察院', '13905710026', 'm026@mediators.tiaojie.example', 'zh-CN', 'OTHER.MINOR_PROTECTION,ENVIRONMENT', 3, 4.7, true, now(), now()),
        ('M027', '冯刚', 'PROSECUTOR', '330999', '青溪县人民检察院', '13905710027', 'm027@mediators.tiaojie.example', 'zh-CN', 'CONSUMER,LABOUR.MIGRANT_WAGE_ARREARS', 3, 4.5, true, now(), now()),
        ('M028', '于倩', 'SOCIAL_WORKER', '330999', '青溪县社会工作服务中心', '13905710028', 'm028@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY,OTHER.MINOR_PROTECTION', 5, 4.6, true, now(), now()),
        ('M029', '董丽娟', 'SOCIAL_WORKER', '330999101', '城关镇社会工作站', '13905710029', 'm029@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY,NEIGHBOUR', 5, 4.5, true, now(), now()),
        ('M030', '萧婷', 'SOCIAL_WORKER', '330999102', '白溪镇社会工作站', '13905710030', 'm030@mediators.tiaojie.example', 'zh-CN', 'LABOUR,MARRIAGE_FAMILY', 5, 4.4, true, now(), now()),
        ('M031', '程伟', 'SOCIAL_WORKER', '330999103', '石门乡社会工作站', '13905710031', 'm031@mediators.tiaojie.example', 'zh-CN', 'FISHERY_MARITIME,LABOUR', 4, 4.3, true, now(), now()),
        ('M032', '曹雪', 'COUNSELOR', '330999', '青溪县心理健康服务中心', '13905710032', 'm032@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY,OTHER', 4, 4.7, true, now(), now()),
        ('M033', '袁芳', 'COUNSELOR', '330999101', '城关镇心理咨询室', '13905710033', 'm033@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY', 4, 4.5, true, now(), now()),
        ('M034', '邓超', 'COUNSELOR', '330999102', '白溪镇心理咨询室', '13905710034', 'm034@mediators.tiaojie.example', 'zh-CN', 'MARRIAGE_FAMILY,MEDICAL', 4, 4.4, true, now(), now()),
        ('M035', '许福田', 'PEOPLE_MEDIATOR', '330999102003', '白溪村人民调解委员会（已退休）', '13905710035', 'm035@mediators.tiaojie.example', 'zh-CN', 'NEIGHBOUR', 4, 4.1, false, now(), now()),
        ('M036', '傅安娜', 'LAWYER', '330999', '浙江青溪律师事务所（涉外）', '13905710036', 'm036@mediators.tiaojie.example', 'zh-CN,en,ja', 'CONTRACT_DEBT,CONSUMER', 3, 4.5, true, now(), now());

    -- Office hours on weekdays (Asia/Shanghai local time) for everyone in the pool.
    insert into weekly_hours (mediator_id, day_of_week, starts, ends)
    select m.id, d.day, h.starts, h.ends
    from mediator m
    cross join generate_series(1, 5) as d(day)
    cross join (values (time '08:30', time '12:00'), (time '14:00', time '17:30')) as h(starts, ends);

    -- Village and community mediators also hold 屋场夜话 on weekday evenings and meet on Saturday mornings.
    insert into weekly_hours (mediator_id, day_of_week, starts, ends)
    select m.id, d.day, time '19:00', time '21:00'
    from mediator m cross join generate_series(1, 5) as d(day)
    where length(m.area_code) = 12;
    insert into weekly_hours (mediator_id, day_of_week, starts, ends)
    select m.id, 6, time '09:00', time '12:00' from mediator m where length(m.area_code) = 12;

    -- 杨德胜's son works for 青溪建工有限公司, so he is never offered a case against it.
    insert into declared_conflict (id, mediator_id, party_name, reason, declared_at) values
        ('6d1c7a52-3f0e-4d4b-9a51-6b0f3f1d0001', 'M006', '青溪建工有限公司', '近亲属在该公司任职', now());
  end if;
end
$$;

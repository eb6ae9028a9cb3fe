-- Demo data for the local run only: the county center of 青溪县 and the township center of 白溪镇.
insert into center (code, name, area_code, address) values
    ('QX-COUNTY', '青溪县矛盾纠纷调处化解中心', '330999', '青溪县城关镇人民路 88 号'),
    ('QX-BAIXI', '白溪镇矛盾纠纷调处化解中心', '330999102', '青溪县白溪镇溪东街 12 号');

SITEGEN_SEARCH.docs(0, [
["Renforcement des échanges entre les Partis communistes vietnamien et chinois","renforcement-des-echanges-entre-les-partis-communistes-vietnamien-et-chinois","29 août 2025"],
["Des responsables du PCV et du PCC s'entretiennent virtuellement","des-responsables-du-pcv-et-du-pcc-s-entretiennent-virtuellement","30 novembre 2020"]
]);

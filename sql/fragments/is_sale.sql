-- is_sale of an order "o" as a column: 1 for a sale (sql/fragments/sale.sql), else 0, for the
-- queries that read every order (returns count whatever the status) and sum the sales apart.
CASE WHEN 1 = 1
    --#include sale
    THEN 1 ELSE 0 END AS is_sale

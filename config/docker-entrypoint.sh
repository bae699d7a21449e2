#!/bin/sh
# Renders /etc/duo/odoo.conf for the official odoo:19 image (database on service "db",
# admin password from the environment), then hands over to the image's own entrypoint.
set -eu
: "${DUO_ADMIN_PASSWORD:?set DUO_ADMIN_PASSWORD (the database manager master password)}"
addons=/mnt/extra-addons
[ -d /mnt/test-addons ] && addons="$addons,/mnt/test-addons"
sed -e "s|^addons_path = .*|addons_path = $addons|" \
    -e "s|^admin_passwd = .*|admin_passwd = $DUO_ADMIN_PASSWORD|" \
    -e "s|^db_host = .*|db_host = ${HOST:-db}|" \
    -e "s|^db_port = .*|db_port = ${PORT:-5432}|" \
    -e "s|^db_user = .*|db_user = ${USER:-odoo}|" \
    -e "s|^; db_password:.*|db_password = ${PASSWORD:-odoo}|" \
    -e "s|^http_interface = .*|http_interface = 0.0.0.0|" \
    /etc/duo/odoo.conf > "$ODOO_RC"
exec /entrypoint.sh "$@"

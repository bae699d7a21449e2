import json

from odoo import http
from odoo.http import request


class DuoGdprExport(http.Controller):
    @http.route("/duo/gdpr/export/<string:model>/<int:record_id>", type="http", auth="user",
                methods=["GET"])
    def duo_gdpr_export(self, model, record_id):
        """The GDPR export as a download, built for this request and stored nowhere."""
        # Only models that carry the GDPR duties (duo.gdpr.mixin) answer here.
        if model not in request.env or not hasattr(request.env[model], "_gdpr_export_data"):
            raise request.not_found()
        record = request.env[model].browse(record_id)
        record._check_gdpr_rights()
        record.check_access("read")
        payload = json.dumps(record._gdpr_export_data(), default=str, indent=2,
                             ensure_ascii=False)
        record.message_post(body=request.env._("Personal data exported on request."))
        filename = f"gdpr-export-{model.replace('.', '-')}-{record_id}.json"
        return request.make_response(payload.encode(), headers=[
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Disposition", f'attachment; filename="{filename}"'),
            ("Cache-Control", "no-store"),
        ])

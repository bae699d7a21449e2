from odoo import models

CV_MODELS = ("duo.mentee", "duo.mentor")


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _get_stream_from(self, record, field_name="raw", *args, **kwargs):
        stream = super()._get_stream_from(record, field_name, *args, **kwargs)
        is_cv = (record._name in CV_MODELS and field_name == "cv") or (
            record._name == "ir.attachment" and record.res_model in CV_MODELS
            and record.res_field == "cv")
        if is_cv:
            # A CV comes from a stranger: browsers download it, never render it inline (with
            # whatever a PDF viewer would run).
            stream.mimetype = "application/octet-stream"
        return stream

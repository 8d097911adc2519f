"""Large video uploads straight from the browser to S3, resumable part by part.

The browser sends the bytes to S3 with presigned part URLs; the web process only
signs, lists, checks and accepts (``service``), behind admin JSON views (``views``).
"""

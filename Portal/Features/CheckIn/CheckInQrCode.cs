using QRCoder;

namespace Portal.Features.CheckIn;

/// <summary>The QR code of a link as a PNG <c>data:</c> address: an image the page, the print and the PDF show without a script or a request.</summary>
public static class CheckInQrCode
{
    public static string PngDataUri(string link, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>
    /// The QR code as an inline SVG of squares, sized by its container (a viewBox), for printed documents: the printer
    /// lays it out as shapes, with no image to decode. Made here from the link alone; it holds no text of anyone's.
    /// </summary>
    public static string Svg(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

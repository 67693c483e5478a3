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
}

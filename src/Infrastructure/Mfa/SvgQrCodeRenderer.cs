using FullAuth.Application.Common.Interfaces;
using QRCoder;

namespace FullAuth.Infrastructure.Mfa;

/// <summary>QR codes as SVG with QRCoder (error correction M, 4 units per module).</summary>
internal sealed class SvgQrCodeRenderer : IQrCodeRenderer
{
    public string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}

#include "ProviderRegistry.h"

#include "aws/AwsLambdaProvider.h"
#include "azure/AzureFunctionsProvider.h"
#include "gcp/GoogleCloudFunctionsProvider.h"
#include "local/LocalStageProvider.h"
#include "openwhisk/OpenWhiskProvider.h"

namespace swb {

QStringList ProviderRegistry::ids()
{
    return {QStringLiteral("aws"), QStringLiteral("azure"), QStringLiteral("gcp"),
            QStringLiteral("openwhisk"), QStringLiteral("local")};
}

QStringList ProviderRegistry::available()
{
    return ids();
}

Result<std::unique_ptr<Provider>> ProviderRegistry::create(const QString& id,
                                                           ProviderContext context)
{
    if (id == QLatin1String("aws"))
        return std::unique_ptr<Provider>(std::make_unique<AwsLambdaProvider>(std::move(context)));
    if (id == QLatin1String("azure"))
        return std::unique_ptr<Provider>(
            std::make_unique<AzureFunctionsProvider>(std::move(context)));
    if (id == QLatin1String("gcp"))
        return std::unique_ptr<Provider>(
            std::make_unique<GoogleCloudFunctionsProvider>(std::move(context)));
    if (id == QLatin1String("openwhisk"))
        return std::unique_ptr<Provider>(std::make_unique<OpenWhiskProvider>(std::move(context)));
    if (id == QLatin1String("local"))
        return std::unique_ptr<Provider>(std::make_unique<LocalStageProvider>(std::move(context)));
    if (ids().contains(id))
        return fail(ErrorCode::Unsupported,
                    QStringLiteral("Deploying to %1 is not built yet; this build deploys to: %2.")
                        .arg(id, available().join(QStringLiteral(", "))));
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("\"%1\" is not a provider; choose one of: %2.")
                    .arg(id, ids().join(QStringLiteral(", "))));
}

} // namespace swb
